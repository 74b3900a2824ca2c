using Microsoft.AspNetCore.DataProtection;
using ResMonitor.Core.Data;

namespace ResMonitor.Web.Infrastructure;

/// <summary>
/// The data-protection keys that sign the session cookie and the form tokens live in the database
/// (table data_protection_keys, migration 0010), under one fixed application name, so that every instance of the
/// site on the same database accepts the cookies and form tokens of the others, and a restart or a new container
/// signs nobody out.
/// </summary>
public static class SharedKeys
{
    /// <summary>
    /// Fixed: by default ASP.NET Core isolates keys per content root, which differs between installations and
    /// containers of the same site.
    /// </summary>
    public const string ApplicationName = "ResMonitor";

    public static IServiceCollection AddSharedKeys(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<ResMonitorDbContext>();
        return services;
    }
}
