using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace ResMonitor.Web.Tests;

/// <summary>
/// Every row of every table of the model, read with plain SQL (SELECT *), every column, sorted by key. Raw: the
/// values exactly as the provider returns them (type and value). Portable: compared the way the application reads
/// them, so that SQLite (REAL, 0/1, text dates) and PostgreSQL (numeric, boolean, date) can be compared.
/// </summary>
public static class TableSnapshot
{
    public static async Task<SortedDictionary<string, List<string>>> ReadAsync(TestDatabase database, bool portable = false)
    {
        await using var db = database.CreateContext();
        var result = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            var columns = table.Columns.ToDictionary(c => c.Name, c => c.PropertyMappings[0].Property.ClrType);
            var key = table.PrimaryKey!.Columns.Select(c => c.Name).ToList();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table.Name}";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<(string Key, string Row)>();
            while (await reader.ReadAsync())
            {
                var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var name = reader.GetName(i);
                    var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    values[name] = portable ? Portable(value, columns[name]) : Raw(value);
                }

                rows.Add((string.Join("|", key.Select(k => values[k])), string.Join("; ", values.Select(v => $"{v.Key}={v.Value}"))));
            }

            result[table.Name] = rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Row).ToList();
        }

        return result;
    }

    private static string Raw(object? value) => value switch
    {
        null => "NULL",
        double number => "double:" + number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => value.GetType().Name + ":" + formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.GetType().Name + ":" + value,
    };

    private static string Portable(object? value, Type clrType)
    {
        if (value is null)
        {
            return "NULL";
        }

        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        return type switch
        {
            _ when type == typeof(decimal) => Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString("G29", CultureInfo.InvariantCulture),
            _ when type == typeof(double) => Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture),
            _ when type == typeof(bool) => Convert.ToBoolean(value, CultureInfo.InvariantCulture) ? "true" : "false",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            _ when type == typeof(DateOnly) => value switch
            {
                DateTime moment => moment.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => value.ToString()!,
            },
            _ when type == typeof(DateTimeOffset) => (value switch
            {
                DateTime moment => new DateTimeOffset(DateTime.SpecifyKind(moment, DateTimeKind.Utc)),
                DateTimeOffset moment => moment,
                _ => DateTimeOffset.Parse(value.ToString()!, CultureInfo.InvariantCulture),
            }).ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        };
    }

    /// <summary>Equal in every table, with the first difference in the message when not.</summary>
    public static void AssertEqual(SortedDictionary<string, List<string>> expected, SortedDictionary<string, List<string>> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (table, rows) in expected)
        {
            Assert.True(rows.Count == actual[table].Count, $"{table}: {rows.Count} rows expected, {actual[table].Count} found");
            for (var i = 0; i < rows.Count; i++)
            {
                Assert.True(rows[i] == actual[table][i], $"{table}, row {i + 1}:\n  expected {rows[i]}\n  found    {actual[table][i]}");
            }
        }
    }
}
