using ResMonitor.Core.Governance;

namespace ResMonitor.Web.Features.Governance;

/// <summary>The escalation procedure's services: the timeline store and the background reminder.</summary>
public static class GovernanceFeature
{
    public static IServiceCollection AddGovernance(this IServiceCollection services)
    {
        services.AddScoped<EscalationService>();
        services.AddScoped<Timeline>();
        services.AddOptions<EscalationOptions>().BindConfiguration("Escalation")
            .Validate(o => o.ReminderDaysBefore is >= 0 and <= 365, "Escalation:ReminderDaysBefore moet tussen 0 en 365 liggen.").ValidateOnStart();
        services.AddHostedService<EscalationReminderService>();
        return services;
    }
}
