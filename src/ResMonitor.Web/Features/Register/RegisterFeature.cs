namespace ResMonitor.Web.Features.Register;

/// <summary>The read model in the web host: the register version, its refresher, and the resolver of the day's register.</summary>
public static class RegisterFeature
{
    public static IServiceCollection AddRegister(this IServiceCollection services)
    {
        services.AddOptions<RegisterOptions>().BindConfiguration("Register")
            .Validate(o => o.VersionRefresh > TimeSpan.Zero && o.PastDays >= 1, "Register:VersionRefresh moet groter dan nul zijn en Register:PastDays minstens 1.")
            .ValidateOnStart();
        services.AddSingleton<RegisterVersion>();
        services.AddSingleton<RegisterResolver>();
        services.AddSingleton<ExampleNotice>();
        services.AddHostedService<RegisterVersionRefresher>();
        return services;
    }
}
