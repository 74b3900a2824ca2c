using Microsoft.AspNetCore.Identity;

namespace ResMonitor.Core.Accounts;

/// <summary>Identity's messages in plain Dutch, for the command line and the beheer pages.</summary>
public sealed class DutchIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), $"Het wachtwoord is te kort: gebruik minstens {length} tekens.");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), $"Het wachtwoord moet minstens {uniqueChars} verschillende tekens bevatten.");

    public override IdentityError PasswordRequiresDigit() =>
        Error(nameof(PasswordRequiresDigit), "Het wachtwoord moet een cijfer bevatten.");

    public override IdentityError PasswordRequiresLower() =>
        Error(nameof(PasswordRequiresLower), "Het wachtwoord moet een kleine letter bevatten.");

    public override IdentityError PasswordRequiresUpper() =>
        Error(nameof(PasswordRequiresUpper), "Het wachtwoord moet een hoofdletter bevatten.");

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric), "Het wachtwoord moet een leesteken of symbool bevatten.");

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), $"Er is al een gebruiker met het e-mailadres {userName}.");

    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), $"Er is al een gebruiker met het e-mailadres {email}.");

    public override IdentityError InvalidEmail(string? email) =>
        Error(nameof(InvalidEmail), $"'{email}' is geen geldig e-mailadres.");

    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), $"'{userName}' is geen geldig e-mailadres.");

    public override IdentityError DefaultError() =>
        Error(nameof(DefaultError), "Er ging iets mis met het account.");

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), "Het account is intussen door iemand anders gewijzigd. Probeer het opnieuw.");

    public override IdentityError UserAlreadyInRole(string role) =>
        Error(nameof(UserAlreadyInRole), $"De gebruiker heeft de rol {role} al.");

    public override IdentityError InvalidRoleName(string? role) =>
        Error(nameof(InvalidRoleName), $"Onbekende rol '{role}'.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
