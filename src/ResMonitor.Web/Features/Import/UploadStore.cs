using System.Security.Cryptography;
using System.Text.Json;
using ResMonitor.Core.Import;

namespace ResMonitor.Web.Features.Import;

/// <summary>
/// Uploaded import files between the dry run and the confirmation, so that confirming does not upload again: each
/// in a folder of its own under a random token, bound to the user who uploaded it, deleted once imported and
/// otherwise after <see cref="Lifetime"/>.
/// </summary>
public sealed class UploadStore(string root, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private const string Meta = "upload.json";

    public static UploadStore Default(TimeProvider clock) => new(Path.Combine(Path.GetTempPath(), "resmonitor-import"), clock);

    public sealed record Upload(string Token, string Path, string FileName);

    private sealed record Owner(string UserId, string FileName, DateTimeOffset At);

    /// <summary>Keeps the file under a new token for this user.</summary>
    public async Task<Upload> SaveAsync(IFormFile file, string userId, CancellationToken ct)
    {
        RemoveExpired();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var folder = Directory.CreateDirectory(System.IO.Path.Combine(root, token)).FullName;
        var name = SafeName(file.FileName);
        var path = System.IO.Path.Combine(folder, "bestand" + System.IO.Path.GetExtension(name).ToLowerInvariant());
        await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            await file.CopyToAsync(target, ct);
        }

        await File.WriteAllTextAsync(System.IO.Path.Combine(folder, Meta), JsonSerializer.Serialize(new Owner(userId, name, clock.GetUtcNow())), ct);
        return new(token, path, name);
    }

    /// <summary>The upload under this token, if it exists, belongs to this user and has not expired.</summary>
    public Upload? Find(string? token, string userId)
    {
        RemoveExpired();
        if (token is null || token.Length != 48 || !token.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var folder = System.IO.Path.Combine(root, token);
        var meta = System.IO.Path.Combine(folder, Meta);
        if (!File.Exists(meta))
        {
            return null;
        }

        var owner = JsonSerializer.Deserialize<Owner>(File.ReadAllText(meta));
        var file = Directory.GetFiles(folder, "bestand*").FirstOrDefault();
        return owner is null || owner.UserId != userId || file is null || clock.GetUtcNow() - owner.At > Lifetime
            ? null
            : new(token, file, owner.FileName);
    }

    public void Delete(string token)
    {
        var folder = System.IO.Path.Combine(root, token);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private void RemoveExpired()
    {
        if (!Directory.Exists(root))
        {
            return;
        }

        foreach (var folder in Directory.GetDirectories(root))
        {
            try
            {
                if (Expired(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (IOException)
            {
                // In use or already gone: the next request tries again.
            }
        }
    }

    /// <summary>
    /// An upload expires an hour after it was saved by the site's clock (the time in its meta file). A folder without a
    /// readable meta file is a save that did not finish: it goes after an hour by the file system's own clock, which
    /// stamped it.
    /// </summary>
    private bool Expired(string folder)
    {
        var meta = System.IO.Path.Combine(folder, Meta);
        Owner? owner = null;
        try
        {
            owner = File.Exists(meta) ? JsonSerializer.Deserialize<Owner>(File.ReadAllText(meta)) : null;
        }
        catch (JsonException)
        {
        }

        return owner is not null
            ? clock.GetUtcNow() - owner.At > Lifetime
            : DateTime.UtcNow - Directory.GetCreationTimeUtc(folder) > Lifetime;
    }

    /// <summary>The file name as the user sees it, without any folder, at most 100 characters.</summary>
    public static string SafeName(string name)
    {
        var plain = System.IO.Path.GetFileName(name.Replace('\\', '/'));
        plain = new string(plain.Where(c => !char.IsControl(c) && c is not ('/' or ':' or '*' or '?' or '"' or '<' or '>' or '|')).ToArray()).Trim();
        if (plain.Length == 0)
        {
            plain = "bestand.csv";
        }

        return plain.Length > 100 ? plain[^100..] : plain;
    }
}

/// <summary>The import settings of the site: Import:MaxFileBytes or RESMONITOR_IMPORT_MAX_BYTES, Import:MaxRows or RESMONITOR_IMPORT_MAX_ROWS.</summary>
public static class ImportSettings
{
    /// <summary>Room for the form around the file (boundaries, the token, the check box).</summary>
    public const long FormOverhead = 64 * 1024;

    public static ImportOptions From(IConfiguration configuration) =>
        ImportOptions.From(configuration["Import:MaxFileBytes"], configuration["Import:MaxRows"]);
}
