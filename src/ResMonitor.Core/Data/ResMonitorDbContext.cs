using System.Text;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;

namespace ResMonitor.Core.Data;

/// <summary>The register. One model for both providers; the schema is created by the SQL in Data/Migrations.</summary>
public sealed class ResMonitorDbContext(DbContextOptions<ResMonitorDbContext> options) : DbContext(options)
{
    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Target> Targets => Set<Target>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<PhaseChange> PhaseChanges => Set<PhaseChange>();

    public DbSet<Permit> Permits => Set<Permit>();

    public DbSet<SearchArea> SearchAreas => Set<SearchArea>();

    public DbSet<FullLoadHours> FullLoadHours => Set<FullLoadHours>();

    public DbSet<Forecast.ForecastAssumptionRow> ForecastAssumptions => Set<Forecast.ForecastAssumptionRow>();

    public DbSet<PlanFailures.PlanFailure> PlanFailures => Set<PlanFailures.PlanFailure>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so that the data reads well and survives reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        if (Database.IsSqlite())
        {
            // SQLite has no decimal type; as REAL it can still be summed and sorted in SQL.
            configurationBuilder.Properties<decimal>().HaveConversion<double>();
            configurationBuilder.Properties<decimal?>().HaveConversion<double?>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Region>(e =>
        {
            e.Property(r => r.Id).HasMaxLength(64);
            e.Property(r => r.Name).HasMaxLength(200);
        });

        modelBuilder.Entity<Organisation>(e =>
        {
            e.HasIndex(o => new { o.RegionId, o.Code }).IsUnique();
            e.Property(o => o.Code).HasMaxLength(64);
            e.Property(o => o.Name).HasMaxLength(200);
            e.HasOne<Region>().WithMany(r => r.Organisations).HasForeignKey(o => o.RegionId);
        });

        modelBuilder.Entity<Target>(e =>
            e.HasOne<Region>().WithMany(r => r.Targets).HasForeignKey(t => t.RegionId));

        modelBuilder.Entity<Project>(e =>
        {
            e.Property(p => p.Id).HasMaxLength(64);
            e.Property(p => p.Name).HasMaxLength(200);
            e.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionId);
            e.HasOne(p => p.Municipality).WithMany().HasForeignKey(p => p.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.SearchArea).WithMany().HasForeignKey(p => p.SearchAreaId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(p => p.PhaseHistory).WithOne().HasForeignKey(c => c.ProjectId);
            e.HasMany(p => p.Permits).WithOne().HasForeignKey(c => c.ProjectId);
            e.HasIndex(p => new { p.RegionId, p.Phase });
        });

        modelBuilder.Entity<PhaseChange>(e => e.HasIndex(c => new { c.ProjectId, c.Date }));

        modelBuilder.Entity<SearchArea>(e =>
        {
            e.Property(a => a.Id).HasMaxLength(64);
            e.Property(a => a.Name).HasMaxLength(200);
            e.HasOne<Region>().WithMany().HasForeignKey(a => a.RegionId);
            e.HasOne(a => a.Municipality).WithMany().HasForeignKey(a => a.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<FullLoadHours>(e =>
        {
            e.HasOne<Region>().WithMany().HasForeignKey(h => h.RegionId);
            e.HasOne(h => h.Municipality).WithMany().HasForeignKey(h => h.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Forecast.ForecastAssumptionRow>(e =>
        {
            e.ToTable("forecast_assumptions");
            e.HasOne<Region>().WithMany().HasForeignKey(a => a.RegionId);
            e.HasIndex(a => new { a.RegionId, a.Version, a.Phase }).IsUnique();
            e.Property(a => a.RegionId).HasMaxLength(64);
            e.Property(a => a.Version).HasMaxLength(64);
        });

        modelBuilder.Entity<PlanFailures.PlanFailure>(e =>
        {
            e.HasOne<Region>().WithMany().HasForeignKey(f => f.RegionId);
            e.HasOne<Project>().WithMany().HasForeignKey(f => f.ProjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<SearchArea>().WithMany().HasForeignKey(f => f.SearchAreaId).OnDelete(DeleteBehavior.Restrict);
            e.Property(f => f.RegionId).HasMaxLength(64);
            e.Property(f => f.ProjectId).HasMaxLength(64);
            e.Property(f => f.SearchAreaId).HasMaxLength(64);
            e.Property(f => f.RecordedBy).HasMaxLength(200);
        });

        UseSnakeCaseNames(modelBuilder);
    }

    /// <summary>snake_case tables and columns read naturally in SQL on both providers and need no quoting.</summary>
    private static void UseSnakeCaseNames(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            entity.SetTableName(SnakeCase(entity.GetTableName()!));
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(SnakeCase(key.GetName()!));
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName(SnakeCase(foreignKey.GetConstraintName()!));
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(SnakeCase(index.GetDatabaseName()!));
            }
        }
    }

    internal static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
