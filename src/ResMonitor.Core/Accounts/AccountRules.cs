using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ResMonitor.Core.Data;

namespace ResMonitor.Core.Accounts;

/// <summary>
/// The Identity rules, shared by the site and the command line so that a password the one refuses is refused by
/// the other too: at least 12 characters (length over composition rules), e-mail as user name, unique e-mail.
/// Failed sign-ins do not lock an account (anyone could lock anyone's); they slow down the attempts of that address
/// from that client (<see cref="LoginThrottle"/>).
/// </summary>
public static class AccountRules
{
    public const int MinimumPasswordLength = 12;

    public static void Configure(IdentityOptions options)
    {
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequiredUniqueChars = 5;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.AllowedForNewUsers = false;
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
