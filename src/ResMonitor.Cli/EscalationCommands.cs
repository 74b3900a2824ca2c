using System.CommandLine;
using System.Globalization;
using ResMonitor.Core;
using ResMonitor.Core.Data;
using ResMonitor.Core.Governance;

namespace ResMonitor.Cli;

/// <summary>`resmonitor escalation remind`: the reminders before a step's deadline, for cron.</summary>
internal sealed class EscalationCommands(TextWriter output, TimeProvider clock)
{
    private const string Usage = "Gebruik: resmonitor escalation remind [--days N] [--date JJJJ-MM-DD].";

    public Command Build(Func<DatabaseSetting, CancellationToken, Task<ResMonitorDbContext>> open, Func<ParseResult, DatabaseSetting> setting)
    {
        var daysOption = CommandTree.StringOption("--days", "N", "deadlines binnen N dagen (standaard 7)");
        var dateOption = CommandTree.StringOption("--date", "JJJJ-MM-DD", "de dag van vandaag (standaard: vandaag)");
        var remind = CommandTree.Create("remind", "leg herinneringen vast voor stappen waarvan de deadline nadert; eenmaal per stap", Usage,
            daysOption, dateOption);
        remind.SetAction(async (parse, ct) =>
        {
            await using var db = await open(setting(parse), ct);
            return await RunAsync(parse.GetValue(daysOption), parse.GetValue(dateOption), db, ct);
        });
        return CommandTree.Create("escalation", "de opschaalprocedure", Usage, remind);
    }

    public async Task<int> RunAsync(string? daysOption, string? dateOption, ResMonitorDbContext db, CancellationToken ct)
    {
        var days = new EscalationOptions().ReminderDaysBefore;
        if (daysOption is { } d && (!int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days > 365))
        {
            throw new UsageException($"--days moet een heel aantal dagen van 0 tot en met 365 zijn, niet '{d}'.");
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        if (dateOption is { } date && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out today))
        {
            throw new UsageException($"--date moet een datum als JJJJ-MM-DD zijn, niet '{date}'.");
        }

        var sent = await new EscalationService(db).SendRemindersAsync(today, days, clock.GetUtcNow(), ct);
        foreach (var (impasse, reminder) in sent)
        {
            await output.WriteLineAsync($"Herinnering vastgelegd: '{impasse.Title}', stap {reminder.Step}, deadline {DutchFormat.Date(reminder.Deadline!.Value)}.");
        }

        await output.WriteLineAsync(sent.Count == 0
            ? "Geen nieuwe herinneringen."
            : $"{sent.Count} herinnering(en) vastgelegd; de beheerder ziet ze in de tijdlijn (er wordt geen e-mail verstuurd).");
        return CliApp.Success;
    }
}
