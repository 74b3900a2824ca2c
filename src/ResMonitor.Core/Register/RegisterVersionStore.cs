using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using ResMonitor.Core.Data;

namespace ResMonitor.Core.Register;

/// <summary>
/// The register version (table register_version, one row): raised by every write to a table behind the public
/// figures, in the same transaction as the write, so that a cached read model is known to be out of date on every
/// instance that reads the same database.
/// </summary>
public static class RegisterVersionStore
{
    private const string RaiseSql = "UPDATE register_version SET value = value + 1 WHERE id = 1";
    private const string Select = "SELECT value FROM register_version WHERE id = 1";

    /// <summary>The tables whose rows feed a public figure; a change to any of them raises the version.</summary>
    public static readonly IReadOnlySet<Type> FiguresTables = new HashSet<Type>
    {
        typeof(Regions.Region), typeof(Regions.Organisation), typeof(Regions.Target), typeof(Regions.OfficialFigure), typeof(National.RegionBid), typeof(Projects.Project),
        typeof(Projects.PhaseChange), typeof(Projects.Permit), typeof(Projects.SearchArea), typeof(Energy.FullLoadHours),
        typeof(PlanFailures.PlanFailure), typeof(Grid.Congestion), typeof(Forecast.ForecastAssumptionRow),
        typeof(Governance.Impasse), typeof(Governance.EscalationEvent), typeof(Governance.DecisionMoment),
    };

    /// <summary>
    /// Raised after any transaction of this process was committed (the version may have moved on): a site in the same
    /// process reads the version then, so that a write through it, or through the command line run in-process, is
    /// seen by the next request.
    /// </summary>
    public static event Action? Committed;

    internal static void OnCommitted() => Committed?.Invoke();

    /// <summary>The current value read synchronously on an open connection outside any transaction; 0 without the table.</summary>
    public static long Read(DbConnection connection)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = Select;
            var value = command.ExecuteScalar();
            return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
        catch (DbException e) when (IsMissingTable(e))
        {
            return 0;
        }
    }

    /// <summary>
    /// Raises the version inside the context's current transaction; without one the raise is committed at once, so a
    /// site in this process is told now rather than at its next refresh.
    /// </summary>
    public static async Task RaiseAsync(ResMonitorDbContext db, CancellationToken ct = default)
    {
        await db.Database.ExecuteSqlRawAsync(RaiseSql, ct);
        if (db.Database.CurrentTransaction is null)
        {
            OnCommitted();
        }
    }

    public static void Raise(ResMonitorDbContext db)
    {
        db.Database.ExecuteSqlRaw(RaiseSql);
        if (db.Database.CurrentTransaction is null)
        {
            OnCommitted();
        }
    }

    /// <summary>Raises the version on a plain connection, inside <paramref name="transaction"/>.</summary>
    public static async Task RaiseAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = RaiseSql;
        await command.ExecuteNonQueryAsync(ct);
        if (transaction is null)
        {
            OnCommitted();
        }
    }

    /// <summary>The current value read on an open connection outside any transaction; 0 without the table.</summary>
    public static async Task<long> ReadAsync(DbConnection connection, CancellationToken ct = default)
    {
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Select;
            var value = await command.ExecuteScalarAsync(ct);
            return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
        catch (DbException e) when (IsMissingTable(e))
        {
            return 0;
        }
    }

    /// <summary>The current value; 0 on a database without the table (not yet migrated).</summary>
    public static async Task<long> ReadAsync(ResMonitorDbContext db, CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            // One try, past the execution strategy: a caller that polls learns at once that the database is away.
            await db.GetService<IRelationalConnection>().OpenAsync(ct);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = Select;
            var value = await command.ExecuteScalarAsync(ct);
            return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
        catch (DbException e) when (IsMissingTable(e))
        {
            return 0;
        }
        finally
        {
            if (opened)
            {
                await db.GetService<IRelationalConnection>().CloseAsync();
            }
        }
    }

    /// <summary>
    /// A database without the table (not yet migrated) reads as version 0; any other failure (the database away) is the
    /// caller's to handle, so that it is not taken for an answer.
    /// </summary>
    private static bool IsMissingTable(DbException e) =>
        e is Npgsql.PostgresException { SqlState: "42P01" }
        || (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 1 } && e.Message.Contains("no such table", StringComparison.OrdinalIgnoreCase));
}
