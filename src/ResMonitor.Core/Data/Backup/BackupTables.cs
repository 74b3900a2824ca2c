using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ResMonitor.Core.Data.Backup;

/// <summary>One column of a backed-up table: how its value is read from the database, written to and read from JSON, and bound again.</summary>
internal sealed class BackupColumn
{
    private readonly ValueConverter? _converter;
    private readonly Type _providerType;

    public BackupColumn(IColumn column)
    {
        var mapping = column.PropertyMappings[0];
        Property = mapping.Property;
        TypeMapping = mapping.TypeMapping;
        Name = column.Name;
        StoreType = column.StoreType;
        var modelType = Nullable.GetUnderlyingType(Property.ClrType) ?? Property.ClrType;
        var converter = Property.GetValueConverter() ?? TypeMapping.Converter;
        _providerType = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? modelType) ?? converter?.ProviderClrType ?? modelType;
        if (modelType.IsEnum && _providerType == typeof(string))
        {
            // Enums are stored by name: the backup keeps that name as text, no conversion needed.
            modelType = typeof(string);
            converter = null;
        }

        _converter = converter;
        ModelType = modelType;
        Type = TypeName(modelType);
    }

    public string Name { get; }

    /// <summary>The portable type of the values in the backup: text, int16, int32, int64, decimal, double, bool, date, datetime, datetimeoffset, uuid, bytes.</summary>
    public string Type { get; }

    public string StoreType { get; }

    public IProperty Property { get; }

    public RelationalTypeMapping TypeMapping { get; }

    public Type ModelType { get; }

    /// <summary>An integer key that the database numbers itself (identity / AUTOINCREMENT).</summary>
    public bool IsIdentity => Property.IsPrimaryKey() && Property.ValueGenerated == ValueGenerated.OnAdd
        && (ModelType == typeof(int) || ModelType == typeof(long) || ModelType == typeof(short));

    private static string TypeName(Type type) => type switch
    {
        _ when type == typeof(string) => "text",
        _ when type == typeof(short) => "int16",
        _ when type == typeof(int) => "int32",
        _ when type == typeof(long) => "int64",
        _ when type == typeof(decimal) => "decimal",
        _ when type == typeof(double) => "double",
        _ when type == typeof(bool) => "bool",
        _ when type == typeof(DateOnly) => "date",
        _ when type == typeof(DateTime) => "datetime",
        _ when type == typeof(DateTimeOffset) => "datetimeoffset",
        _ when type == typeof(Guid) => "uuid",
        _ when type == typeof(byte[]) => "bytes",
        _ => throw new NotSupportedException($"De back-up kent het kolomtype {type.Name} nog niet."),
    };

    /// <summary>Reads the value as the application sees it (decimal stays decimal, also where SQLite stores REAL).</summary>
    public object? Read(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        object value = _providerType switch
        {
            _ when _providerType == typeof(string) => reader.GetString(ordinal),
            _ when _providerType == typeof(short) => reader.GetInt16(ordinal),
            _ when _providerType == typeof(int) => reader.GetInt32(ordinal),
            _ when _providerType == typeof(long) => reader.GetInt64(ordinal),
            _ when _providerType == typeof(decimal) => reader.GetDecimal(ordinal),
            _ when _providerType == typeof(double) => reader.GetDouble(ordinal),
            _ when _providerType == typeof(bool) => reader.GetBoolean(ordinal),
            _ when _providerType == typeof(DateOnly) => reader.GetFieldValue<DateOnly>(ordinal),
            _ when _providerType == typeof(DateTime) => reader.GetDateTime(ordinal),
            _ when _providerType == typeof(DateTimeOffset) => reader.GetFieldValue<DateTimeOffset>(ordinal),
            _ when _providerType == typeof(Guid) => reader.GetGuid(ordinal),
            _ when _providerType == typeof(byte[]) => reader.GetFieldValue<byte[]>(ordinal),
            _ => throw new NotSupportedException($"De back-up kan kolom {Name} ({_providerType.Name}) nog niet lezen."),
        };
        return _converter is null ? value : _converter.ConvertFromProvider(value);
    }

    /// <summary>The value as the database stores it, for binding.</summary>
    public object? ToProvider(object? value) => value is null ? null : _converter is null ? value : _converter.ConvertToProvider(value);

    public void WriteJson(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case short number:
                writer.WriteNumberValue(number);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                // As text: exact, with its scale, and no JSON reader turns it into a double.
                writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case DateOnly date:
                writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case DateTime moment:
                writer.WriteStringValue(moment.ToString("O", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset moment:
                writer.WriteStringValue(moment.ToString("O", CultureInfo.InvariantCulture));
                break;
            case Guid id:
                writer.WriteStringValue(id.ToString("D"));
                break;
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                break;
            default:
                throw new NotSupportedException($"De back-up kan {value.GetType().Name} in kolom {Name} nog niet schrijven.");
        }
    }

    public object? ReadJson(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return Type switch
        {
            "text" => element.GetString()!,
            "int16" => element.GetInt16(),
            "int32" => element.GetInt32(),
            "int64" => element.GetInt64(),
            "decimal" => decimal.Parse(element.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
            "double" => element.GetDouble(),
            "bool" => element.GetBoolean(),
            "date" => DateOnly.ParseExact(element.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            "datetime" => DateTime.Parse(element.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            "datetimeoffset" => DateTimeOffset.Parse(element.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            "uuid" => Guid.Parse(element.GetString()!),
            "bytes" => element.GetBytesFromBase64(),
            _ => throw new NotSupportedException(Type),
        };
    }
}

/// <summary>One table of the model with its columns, in the order the backup writes them.</summary>
internal sealed record BackupTable(string Name, IReadOnlyList<BackupColumn> Columns, IReadOnlyList<string> KeyColumns)
{
    /// <summary>
    /// Tables of the installation rather than of the register: the site's data-protection keys are secrets of the
    /// running installation (they sign the session cookie and the form tokens), not data. A backup does not carry
    /// them, and a restore neither deletes nor replaces them, so that signed-in users stay signed in and a key never
    /// travels to another installation with the file. See docs/backup.md.
    /// </summary>
    public static readonly IReadOnlySet<string> NotBackedUp = new HashSet<string>(StringComparer.Ordinal) { "data_protection_keys" };

    public string ColumnList => string.Join(", ", Columns.Select(c => c.Name));

    /// <summary>
    /// Every table of the EF model, parents before children (ordered by the foreign keys of the model), so that
    /// tables added to the model later are backed up without a change here.
    /// </summary>
    public static IReadOnlyList<BackupTable> FromModel(ResMonitorDbContext db)
    {
        var tables = db.Model.GetRelationalModel().Tables
            .Where(t => !NotBackedUp.Contains(t.Name))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        var ordered = new List<ITable>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            Visit(table);
        }

        return ordered.Select(t => new BackupTable(
                t.Name,
                t.Columns.Select(c => new BackupColumn(c)).ToList(),
                t.PrimaryKey?.Columns.Select(c => c.Name).ToList() ?? []))
            .ToList();

        void Visit(ITable table)
        {
            switch (state.GetValueOrDefault(table.Name))
            {
                case 2:
                    return;
                case 1:
                    throw new NotSupportedException($"De tabellen rond {table.Name} verwijzen in een kring naar elkaar; de back-up kan geen volgorde bepalen.");
            }

            state[table.Name] = 1;
            foreach (var foreignKey in table.ForeignKeyConstraints.OrderBy(f => f.PrincipalTable.Name, StringComparer.Ordinal))
            {
                if (foreignKey.PrincipalTable.Name != table.Name)
                {
                    Visit(foreignKey.PrincipalTable);
                }
            }

            state[table.Name] = 2;
            ordered.Add(table);
        }
    }
}
