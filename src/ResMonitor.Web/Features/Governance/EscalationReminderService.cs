using Microsoft.Extensions.Options;
using ResMonitor.Core.Governance;

namespace ResMonitor.Web.Features.Governance;

/// <summary>
/// Records the reminders before a step's deadline, at start and then every hour. There is no mail server: a reminder
/// is an entry in the impasse's timeline that the beheerder sees. Running twice records nothing new, also when
/// several instances of the site run at the same moment (see <see cref="EscalationService.SendRemindersAsync"/>).
/// </summary>
public sealed class EscalationReminderService(
    IServiceScopeFactory scopes, IOptions<EscalationOptions> options, TimeProvider clock, ILogger<EscalationReminderService> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var service = scope.ServiceProvider.GetRequiredService<EscalationService>();
                var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
                var sent = await service.SendRemindersAsync(today, options.Value.ReminderDaysBefore, clock.GetUtcNow(), stoppingToken);
                if (sent.Count > 0)
                {
                    log.LogInformation("{Count} herinnering(en) voor een deadline in de opschaalprocedure vastgelegd.", sent.Count);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may not be migrated yet at first start; the next round tries again.
                log.LogWarning(e, "Herinneringen voor de opschaalprocedure konden niet worden vastgelegd.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
