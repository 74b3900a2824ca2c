using System.Globalization;
using ResMonitor.Core;
using ResMonitor.Core.Data;
using ResMonitor.Core.Governance;

namespace ResMonitor.Cli;

/// <summary>`resmonitor escalation remind`: the reminders before a step's deadline, for cron.</summary>
internal sealed class EscalationCommands(TextWriter output, TimeProvider clock)
{
    public async Task<int> RunAsync(CommandLine line, ResMonitorDbContext db, CancellationToken ct)
    {
        if (line.Words.Count != 2 || line.Words[1] != "remind")
        {
            throw new UsageException("Gebruik: resmonitor escalation remind [--days N] [--date JJJJ-MM-DD].");
        }

        line.Allow("--days", "--date");
        var days = new EscalationOptions().ReminderDaysBefore;
        if (line.Value("--days") is { } d && (!int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days > 365))
        {
            throw new UsageException($"--days moet een heel aantal dagen van 0 tot en met 365 zijn, niet '{d}'.");
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        if (line.Value("--date") is { } date && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out today))
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
