using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Audit;
using ResMonitor.Core.Projects;

namespace ResMonitor.Web.Tests;

/// <summary>The audit trail: every write through the register's context is logged field by field, in the same transaction.</summary>
public abstract class AuditTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task A_command_line_write_logs_the_new_row_with_who_and_through_which_channel()
    {
        await using var db = database.CreateContext();
        var project = await db.Projects.Where(p => p.Phase == Phase.Permitted).OrderBy(p => p.Id).FirstAsync();

        var (code, _, error) = await database.RunAsync("plan-failure", "add", "--project", project.Id, "--kind", "vertraagd", "--date", "2025-02-01",
            "--expected", "2027-06-01", "--reason", "vergunning", "--explanation", "Beroep bij de Raad van State");
        Assert.True(code == 0, error);

        var failure = await db.PlanFailures.AsNoTracking().SingleAsync(f => f.ProjectId == project.Id);
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.TableName == "plan_failures" && a.RowKey == failure.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(AuditRecorder.RowField, entry.Field);
        Assert.Null(entry.OldValue);
        var row = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(entry.NewValue!)!;
        Assert.Equal("Beroep bij de Raad van State", row["explanation"]);
        Assert.Equal("2027-06-01", row["expected_on"]);
        Assert.Equal("Delayed", row["kind"]);
        Assert.Equal(failure.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), row["id"]);
        Assert.Equal("cli", entry.Channel);
        Assert.StartsWith("opdrachtregel (", entry.Actor);
    }

    [Fact]
    public async Task A_change_logs_the_old_and_the_new_value_and_the_reason()
    {
        await using (var db = database.CreateContext())
        {
            db.Actor = new AuditActor("redacteur@emmen.nl", "web", "Nieuwe meting 2025");
            var project = await db.Projects.OrderBy(p => p.Id).FirstAsync();
            project.MeasuredYieldMwh = 12_345.5m;
            project.Name = "Nieuwe naam";
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateContext();
        var first = await check.Projects.OrderBy(p => p.Id).FirstAsync();
        var entries = await check.AuditEntries.Where(a => a.TableName == "projects" && a.RowKey == first.Id && a.Actor == "redacteur@emmen.nl").ToListAsync();
        Assert.Equal(2, entries.Count);
        var name = Assert.Single(entries, e => e.Field == "name");
        Assert.Equal("Nieuwe naam", name.NewValue);
        Assert.NotNull(name.OldValue);
        Assert.Equal("12345.5", Assert.Single(entries, e => e.Field == "measured_yield_mwh").NewValue);
        Assert.All(entries, e => Assert.Equal("Nieuwe meting 2025", e.Reason));
    }

    [Fact]
    public async Task A_save_that_changes_nothing_logs_nothing()
    {
        await using var db = database.CreateContext();
        var before = await db.AuditEntries.CountAsync();
        var project = await db.Projects.OrderBy(p => p.Id).FirstAsync();
        project.Name = project.Name;
        await db.SaveChangesAsync();

        Assert.Equal(before, await db.AuditEntries.CountAsync());
    }
}

public sealed class SqliteAuditTests(SqliteDatabase database) : AuditTests<SqliteDatabase>(database);

public sealed class PostgresAuditTests(PostgresDatabase database) : AuditTests<PostgresDatabase>(database);
