using System.Text;
using Microsoft.AspNetCore.Http;
using ResMonitor.Web.Features.Import;

namespace ResMonitor.Web.Tests.Import;

/// <summary>An upload waiting for its confirmation lives one hour by the site's clock, for its owner only.</summary>
public sealed class UploadStoreTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "resmonitor-upload-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static FormFile File(string name)
    {
        var bytes = Encoding.UTF8.GetBytes("project_id,naam\n");
        return new FormFile(new MemoryStream(bytes), 0, bytes.Length, "bestand", name);
    }

    [Fact]
    public async Task An_upload_is_found_by_its_owner_within_the_hour_and_gone_after_it()
    {
        var clock = TestClock.Create();
        var store = new UploadStore(root, clock);
        var upload = await store.SaveAsync(File("projecten.csv"), "user-1", CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal("projecten.csv", store.Find(upload.Token, "user-1")?.FileName);
        Assert.Null(store.Find(upload.Token, "user-2"));

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(store.Find(upload.Token, "user-1"));
        Assert.False(Directory.Exists(Path.Combine(root, upload.Token)), "the expired upload is removed from disk");
    }

    [Fact]
    public async Task An_upload_saved_on_a_site_clock_behind_the_file_system_is_kept_for_its_hour()
    {
        // The site's clock reads 1 December 2026 while the disk stamps the folder years earlier: the hour counts on the site's clock.
        var clock = TestClock.Create();
        var store = new UploadStore(root, clock);
        var upload = await store.SaveAsync(File("projecten.xlsx"), "user-1", CancellationToken.None);
        Directory.SetCreationTimeUtc(Path.Combine(root, upload.Token), new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.NotNull(store.Find(upload.Token, "user-1"));
    }
}
