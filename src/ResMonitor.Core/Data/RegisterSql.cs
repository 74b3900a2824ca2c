using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ResMonitor.Core.Data;

/// <summary>Table and column names, and stored values, from the EF model, for the few places that write plain SQL.</summary>
public sealed class RegisterSql(ResMonitorDbContext db)
{
    public string Table<T>() => Entity<T>().GetTableName()!;

    public string Column<T>(string property) => Property<T>(property).GetColumnName();

    /// <summary>A value as the database stores it, e.g. an enum by its name.</summary>
    public object? Value<T>(string property, object value)
    {
        var p = Property<T>(property);
        var converter = p.GetValueConverter() ?? p.GetTypeMapping().Converter;
        return converter is null ? value : converter.ConvertToProvider(value);
    }

    private IEntityType Entity<T>() =>
        db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");

    private IProperty Property<T>(string property) =>
        Entity<T>().FindProperty(property) ?? throw new InvalidOperationException($"{typeof(T).Name}.{property} is not in the model.");
}
