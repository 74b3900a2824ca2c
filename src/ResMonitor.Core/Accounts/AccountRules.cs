using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ResMonitor.Core.Data;

namespace ResMonitor.Core.Accounts;

/// <summary>
/// The Identity rules, shared by the site and the command line so that a password the one refuses is refused by
/// the other too: at least 12 characters (length over composition rules), e-mail as user name, unique e-mail,
/// lockout for 15 minutes after 5 failed attempts.
/// </summary>
public static class AccountRules
{
    public const int MinimumPasswordLength = 12;

    public const int MaxFailedAttempts = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static void Configure(IdentityOptions options)
    {
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequiredUniqueChars = 5;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
        options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
        options.Stores.SchemaVersion = ResMonitorDbContext.IdentitySchema;
    }

    /// <summary>
    /// Identity's UserManager without ASP.NET: the same hasher, validators and rules as the site, on a small
    /// service collection for the command line.
    /// </summary>
    /// <param name="clock">The command line's clock; the system clock when not given.</param>
    public static ServiceProvider CreateServices(DatabaseSetting setting, TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddDbContext<ResMonitorDbContext>(setting.Configure);
        services.AddIdentityCore<User>(Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ResMonitorDbContext>()
            .AddErrorDescriber<DutchIdentityErrors>();
        services.AddScoped<AccountService>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
