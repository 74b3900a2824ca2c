using ResMonitor.Core.Import;

namespace ResMonitor.Core.Tests.Import;

/// <summary>
/// Numbers in an import file at the edges of what is clear: three digits after a single separator, a separator
/// without digits before it, grouping in the wrong place, and the exact message the import shows for each.
/// </summary>
public class DutchNumberBoundaryTests
{
    [Theory]
    [InlineData("123.456", "'123.456' is dubbelzinnig: schrijf 123456 voor een geheel getal of gebruik een decimaal met minder of meer dan drie cijfers achter de komma")]
    [InlineData("12,345", "'12,345' is dubbelzinnig: schrijf 12345 voor een geheel getal of gebruik een decimaal met minder of meer dan drie cijfers achter de komma")]
    [InlineData("-1.234", "'-1.234' is dubbelzinnig: schrijf 1234 voor een geheel getal of gebruik een decimaal met minder of meer dan drie cijfers achter de komma")]
    public void Three_digits_after_a_single_separator_and_at_most_three_before_are_ambiguous(string text, string message)
    {
        Assert.False(DutchNumber.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData("1234.567", 1234.567)]
    [InlineData("1234,567", 1234.567)]
    [InlineData("0.123", 0.123)]
    [InlineData("123,4567", 123.4567)]
    [InlineData("123.45", 123.45)]
    [InlineData("1,2", 1.2)]
    public void Other_digit_counts_around_one_separator_are_a_decimal(string text, double expected)
    {
        Assert.True(DutchNumber.TryParse(text, out var value, out var error), error);
        Assert.Equal((decimal)expected, value);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData(",5")]
    [InlineData(".5")]
    [InlineData("-,5")]
    [InlineData("5a")]
    [InlineData("1e3")]
    [InlineData("-")]
    [InlineData("+")]
    [InlineData("--5")]
    public void A_number_starts_with_a_digit_after_its_sign_and_holds_only_digits_and_separators(string text)
    {
        Assert.False(DutchNumber.TryParse(text, out _, out var error));
        Assert.Equal($"'{text}' is geen getal", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u00a0")]
    public void An_empty_cell_is_empty(string text)
    {
        Assert.False(DutchNumber.TryParse(text, out _, out var error));
        Assert.Equal("leeg", error);
    }

    [Theory]
    [InlineData("1 234,5", 1234.5)]
    [InlineData("1\u00a0234\u00a0567", 1234567)]
    [InlineData("+5", 5)]
    [InlineData("-0,5", -0.5)]
    [InlineData("12.345.678", 12345678)]
    [InlineData("1,234,567", 1234567)]
    [InlineData("12.345.678,9", 12345678.9)]
    [InlineData("1,234,567.25", 1234567.25)]
    [InlineData("1.234,567", 1234.567)]
    [InlineData("007", 7)]
    [InlineData("123.456.789", 123456789)]
    [InlineData("123.456,5", 123456.5)]
    [InlineData("123,456.5", 123456.5)]
    public void Reads_grouped_signed_and_spaced_numbers(string text, double expected)
    {
        Assert.True(DutchNumber.TryParse(text, out var value, out var error), error);
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("1234.567.890")]
    [InlineData("1.23.456")]
    [InlineData("1..234")]
    [InlineData("1.234.")]
    [InlineData("12,34.5")]
    [InlineData("1234,567.5")]
    [InlineData("1,2345,678")]
    public void Grouping_in_the_wrong_place_is_refused(string text)
    {
        Assert.False(DutchNumber.TryParse(text, out _, out var error));
        Assert.Equal($"'{text}' heeft de scheidingstekens op een onverwachte plaats", error);
    }

    [Theory]
    [InlineData("12.")]
    [InlineData("1.234,")]
    [InlineData("1,234.")]
    [InlineData("1.234,5.6")]
    [InlineData("1,2.3,4")]
    [InlineData("1.2,345.6")]
    public void A_separator_without_digits_after_it_or_a_decimal_separator_used_twice_is_refused(string text)
    {
        Assert.False(DutchNumber.TryParse(text, out _, out var error));
        Assert.Equal($"'{text}' is geen geldig getal", error);
    }

    [Fact]
    public void A_number_beyond_the_decimal_range_is_too_large()
    {
        var text = "1" + new string('0', 29);

        Assert.False(DutchNumber.TryParse(text, out _, out var error));
        Assert.Equal($"'{text}' is te groot", error);
    }

    [Fact]
    public void A_number_longer_than_128_characters_is_read_as_well()
    {
        Assert.True(DutchNumber.TryParse("0," + new string('5', 200), out var value, out var error), error);
        Assert.Equal(0.5555555555555555555555555556m, value);

        var text = new string('9', 150);
        Assert.False(DutchNumber.TryParse(text, out _, out error));
        Assert.Equal($"'{text}' is te groot", error);
    }

    [Fact]
    public void The_message_quotes_the_cell_as_it_was_typed()
    {
        Assert.False(DutchNumber.TryParse(" 12 MW ", out _, out var error));
        Assert.Equal("' 12 MW ' is geen getal", error);
    }
}
