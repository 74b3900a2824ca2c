using Microsoft.AspNetCore.Identity;

namespace ResMonitor.Core.Accounts;

/// <summary>
/// A person who signs in to keep the register: a beheerder (all data), a redacteur of one organisation, or a
/// lezer (sees unpublished drafts). The public site needs no account.
/// </summary>
public sealed class User : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>The organisation a redacteur edits for; empty for a beheerder or lezer.</summary>
    public int? OrganisationId { get; set; }

    /// <summary>
    /// The region whose data this user keeps or reads (a region's werkbureau, or a redacteur's organisation's region);
    /// empty for a national user, who works for every region in the instance.
    /// </summary>
    public string? RegionId { get; set; }
}
