using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ResMonitor.Core;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Data;

namespace ResMonitor.Cli;

/// <summary>
/// `resmonitor user add|list`. The password comes from RESMONITOR_PASSWORD or standard input, never from the
/// command line (where it would end up in the shell history and the process list).
/// </summary>
internal sealed class UserCommand(TextWriter output, TextWriter error, TextReader input, Func<string, string?> variables, TimeProvider clock)
{
    public const string PasswordVariable = "RESMONITOR_PASSWORD";

    private const string Usage =
        "Gebruik: resmonitor user add E-MAIL --role beheerder|redacteur|lezer [--region REGIO | --national] [--organisation CODE] [--name NAAM], of resmonitor user list.";

    public Command Build(Func<Option<string>> region, Func<ResMonitorDbContext, CancellationToken, Task> ensureSchema, Func<ParseResult, DatabaseSetting> setting)
    {
        var email = new Argument<string>("E-MAIL") { Description = "het e-mailadres, ook de inlognaam" };
        var role = CommandTree.StringOption("--role", "beheerder|redacteur|lezer", "de rol");
        role.CompletionSources.Add("beheerder", "redacteur", "lezer");
        var organisation = CommandTree.StringOption("--organisation", "CODE", "de organisatie van een redacteur (bv. GM0106)");
        var name = CommandTree.StringOption("--name", "NAAM", "de naam die de site toont");
        var addRegion = region();
        var national = CommandTree.Flag("--national", "een landelijke beheerder of lezer: alle regio's in deze installatie (in plaats van --region)");
        // Only there to refuse it with a reason: a password never belongs on the command line.
        var password = new Option<string>("--password") { Hidden = true, Arity = ArgumentArity.ZeroOrOne };
        var add = CommandTree.Create("add", "maak een gebruiker; het wachtwoord (minstens 12 tekens) komt uit RESMONITOR_PASSWORD of standaardinvoer",
            Usage, email, role, organisation, name, addRegion, national, password);
        add.SetAction((parse, ct) =>
        {
            if (parse.GetResult(password) is not null)
            {
                // Said before anything else, so that no message repeats what followed the option.
                throw new UsageException(
                    $"Een wachtwoord hoort niet op de opdrachtregel (daar komt het in de geschiedenis van de shell): gebruik {PasswordVariable} of standaardinvoer.");
            }

            if (parse.GetValue(national) && parse.GetResult(addRegion) is not null)
            {
                throw new UsageException("Kies --region REGIO of --national, niet allebei.");
            }

            return AddAsync(setting(parse), parse.GetValue(email)!, parse.GetValue(role), parse.GetValue(organisation), parse.GetValue(name),
                parse.GetValue(national) ? null : parse.GetValue(addRegion) ?? ReferenceData.DefaultRegion, ensureSchema, ct);
        });

        var list = CommandTree.Create("list", "toon de gebruikers met rol en organisatie", Usage);
        list.SetAction((parse, ct) => ListAsync(setting(parse), ensureSchema, ct));
        return CommandTree.Create("user", "gebruikers van de site", Usage, add, list);
    }

    private async Task<int> ListAsync(DatabaseSetting setting, Func<ResMonitorDbContext, CancellationToken, Task> ensureSchema, CancellationToken ct)
    {
        await using var services = AccountRules.CreateServices(setting, clock);
        await using var scope = services.CreateAsyncScope();
        await ensureSchema(scope.ServiceProvider.GetRequiredService<ResMonitorDbContext>(), ct);
        var rows = await scope.ServiceProvider.GetRequiredService<AccountService>().ListAsync(ct);
        if (rows.Count == 0)
        {
            await output.WriteLineAsync("Er zijn nog geen gebruikers. Maak er een met 'resmonitor user add'.");
            return CliApp.Success;
        }

        var width = Math.Max(7, rows.Max(r => r.Email.Length));
        await output.WriteLineAsync($"{"e-mail".PadRight(width)}  {"rol",-9}  {"regio",-12}  {"naam",-24}  organisatie");
        foreach (var row in rows)
        {
            var locked = row.LockedUntil is { } until ? $"  (geblokkeerd tot {until.ToLocalTime():HH:mm})" : "";
            await output.WriteLineAsync($"{row.Email.PadRight(width)}  {row.Role,-9}  {row.RegionId ?? "landelijk",-12}  {row.DisplayName,-24}  {row.Organisation ?? "-"}{locked}");
        }

        return CliApp.Success;
    }

    private async Task<int> AddAsync(DatabaseSetting setting, string email, string? roleOption, string? organisation, string? name, string? regionOption,
        Func<ResMonitorDbContext, CancellationToken, Task> ensureSchema, CancellationToken ct)
    {
        var role = roleOption ?? throw new UsageException("Geef de rol met --role beheerder, redacteur of lezer.");
        if (AccountService.CheckRole(role, organisation) is { } problem)
        {
            throw new UsageException(problem);
        }

        if ((TextRule.Check(name, "De naam (--name)") ?? TextRule.Check(email, "Het e-mailadres")) is { } characters)
        {
            throw new UsageException(characters);
        }

        var password = await ReadPasswordAsync();
        if (string.IsNullOrEmpty(password))
        {
            throw new UsageException($"Geen wachtwoord: zet het in de omgevingsvariabele {PasswordVariable} of geef het via standaardinvoer.");
        }

        await using var services = AccountRules.CreateServices(setting, clock);
        await using var scope = services.CreateAsyncScope();
        await ensureSchema(scope.ServiceProvider.GetRequiredService<ResMonitorDbContext>(), ct);
        var account = new NewAccount(email, role, name, regionOption, organisation);
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>().AddAsync(account, password, ct);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync($"Gebruiker {account.Email} niet aangemaakt:");
            foreach (var message in result.Errors)
            {
                await error.WriteLineAsync("  " + message);
            }

            return CliApp.Failure;
        }

        var where = regionOption is null ? "landelijk (alle regio's)" : $"regio {regionOption}";
        await output.WriteLineAsync(organisation is null
            ? $"Gebruiker {account.Email} aangemaakt als {role}, {where}."
            : $"Gebruiker {account.Email} aangemaakt als {role} van {organisation}, {where}.");
        return CliApp.Success;
    }

    private async Task<string?> ReadPasswordAsync()
    {
        if (variables(PasswordVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        if (ReferenceEquals(input, Console.In) && !Console.IsInputRedirected)
        {
            // Typed at a terminal: ask, and do not echo.
            await error.WriteAsync("Wachtwoord: ");
            var typed = new System.Text.StringBuilder();
            for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
            {
                if (key.Key == ConsoleKey.Backspace)
                {
                    typed.Length = Math.Max(0, typed.Length - 1);
                }
                else if (!char.IsControl(key.KeyChar))
                {
                    typed.Append(key.KeyChar);
                }
            }

            await error.WriteLineAsync();
            return typed.ToString();
        }

        return (await input.ReadLineAsync())?.TrimEnd('\r', '\n');
    }
}
