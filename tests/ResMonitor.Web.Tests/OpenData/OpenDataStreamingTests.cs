using System.Data.Common;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ResMonitor.Core.Data;
using ResMonitor.Core.Projects;

namespace ResMonitor.Web.Tests;

/// <summary>
/// A register of a few thousand projects, imported into its own database: the downloads stream it (no
/// Content-Length, written in bounded pieces while the projects are read in batches) and still hold every project
/// exactly once. SQLite and PostgreSQL.
/// </summary>
public abstract class OpenDataStreamingTests<TDatabase> : IClassFixture<TDatabase>, IAsyncLifetime, IDisposable
    where TDatabase : TestDatabase
{
    private const int Generated = 3_000;

    private readonly TDatabase _database;
    private readonly HttpClient _client;

    protected OpenDataStreamingTests(TDatabase database)
    {
        _database = database;
        _client = database.Host.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Imports the large register once per database (the fixture outlives the test instances).</summary>
    public async Task InitializeAsync()
    {
        await using (var db = _database.CreateContext())
        {
            if (await db.Projects.AnyAsync(p => p.Id.StartsWith("LG-")))
            {
                return;
            }
        }

        var codes = new[] { "GM0106", "GM0109", "GM0114", "GM0118", "GM1680", "GM1731" };
        var csv = new StringBuilder("project_id,naam,techniek,gemeente,vermogen_mw,lat,lon,datum_idee,datum_in_procedure,eigenaren,bron,peildatum\n");
        for (var i = 0; i < Generated; i++)
        {
            var technique = (i % 3) switch { 0 => "wind", 1 => "zon op land", _ => "zon op dak" };
            csv.Append($"LG-{i:D5},Groot register project {i} met een wat langere naam,{technique},{codes[i % codes.Length]},{1 + (i % 40)},52.{80000 + i},6.{50000 + i},2023-01-01,{(i % 2 == 0 ? "2024-01-01" : "")},Coöperatie {i % 17},Testregister,2025-01-01\n");
        }

        var path = Path.Combine(Path.GetTempPath(), $"large-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv.ToString());
        try
        {
            var (code, _, error) = await _database.RunAsync("import", "projects", path);
            Assert.True(code == 0, error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> CountAsync()
    {
        await using var db = _database.CreateContext();
        return await db.Projects.CountAsync(p => p.RegionId == "drenthe");
    }

    [Fact]
    public async Task The_CSV_download_is_streamed_without_a_Content_Length_and_holds_every_project_once()
    {
        using var response = await _client.GetAsync("/open-data/drenthe/projecten.csv", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentLength);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var header = await reader.ReadLineAsync();
        Assert.StartsWith("project_id,naam,", header);
        var ids = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            ids.Add(line[..line.IndexOf(',', StringComparison.Ordinal)]);
        }

        Assert.True(Generated + 29 <= ids.Count);
        Assert.Equal(await CountAsync(), ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task The_export_writes_in_bounded_pieces_while_it_reads_the_register_in_batches()
    {
        var commands = new CommandCounter();
        var options = new DbContextOptionsBuilder<ResMonitorDbContext>();
        _database.Parsed.Configure(options);
        options.AddInterceptors(commands);
        await using var db = new ResMonitorDbContext(options.Options);
        var output = new RecordingStream(() => commands.Count);

        await new ProjectExport(db).WriteAsync("drenthe", ProjectFilter.All, ExportFormat.ExcelCsv, output);

        Assert.True(output.Total > 500_000, $"{output.Total} bytes");
        Assert.True(output.Writes >= 5, $"{output.Writes} writes");
        Assert.True(output.Largest <= 256 * 1024, $"largest write {output.Largest} bytes of {output.Total}");

        // Streamed: the first bytes went out while most of the register was still unread.
        Assert.True(commands.Count >= 3 * ((Generated / ProjectExport.BatchSize) + 1), $"{commands.Count} queries");
        Assert.True(output.QueriesAtFirstWrite < commands.Count / 2, $"first write after {output.QueriesAtFirstWrite} of {commands.Count} queries");
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => _count;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    [Fact]
    public async Task The_projects_GeoJSON_and_API_list_of_a_large_register_hold_every_project()
    {
        var count = await CountAsync();

        using var geo = await _client.GetAsync("/open-data/drenthe/projecten.geojson", HttpCompletionOption.ResponseHeadersRead);
        Assert.Null(geo.Content.Headers.ContentLength);
        using var features = System.Text.Json.JsonDocument.Parse(await geo.Content.ReadAsStreamAsync());
        await using var db = _database.CreateContext();
        Assert.Equal(await db.Projects.CountAsync(p => p.Latitude != null), features.RootElement.GetProperty("features").GetArrayLength());

        using var api = System.Text.Json.JsonDocument.Parse(await _client.GetStreamAsync("/api/v1/regions/drenthe/projects?techniek=wind"));
        Assert.Equal(await db.Projects.CountAsync(p => p.Technique == Core.Energy.Technique.Wind), api.RootElement.GetProperty("projects").GetArrayLength());
        Assert.True(count > Generated);
    }

    [Fact]
    public async Task The_ZIP_of_a_large_register_is_streamed_and_complete()
    {
        using var response = await _client.GetAsync("/open-data/drenthe/open-data.zip", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentLength);

        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("projecten-excel.csv")!.Open());
        var lines = 0;
        while (await reader.ReadLineAsync() is not null)
        {
            lines++;
        }

        Assert.Equal(await CountAsync() + 1, lines);
        Assert.NotNull(zip.GetEntry("datapackage.json"));
    }

    /// <summary>Counts what is written to it and keeps nothing.</summary>
    private sealed class RecordingStream(Func<int>? queries = null) : Stream
    {
        public int QueriesAtFirstWrite { get; private set; } = -1;

        public long Total { get; private set; }

        public int Writes { get; private set; }

        public int Largest { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Total;

        public override long Position
        {
            get => Total;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Record(count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Record(buffer.Length);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        private void Record(int count)
        {
            if (count == 0)
            {
                return;
            }

            if (Writes == 0)
            {
                QueriesAtFirstWrite = queries?.Invoke() ?? 0;
            }

            Total += count;
            Writes++;
            Largest = Math.Max(Largest, count);
        }
    }
}

public sealed class SqliteOpenDataStreamingTests(SqliteDatabase database) : OpenDataStreamingTests<SqliteDatabase>(database);

public sealed class PostgresOpenDataStreamingTests(PostgresDatabase database) : OpenDataStreamingTests<PostgresDatabase>(database);
