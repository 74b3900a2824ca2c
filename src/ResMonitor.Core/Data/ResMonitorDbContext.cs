using System.Text;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;

namespace ResMonitor.Core.Data;

/// <summary>The register. One model for both providers; the schema is created by the SQL in Data/Migrations.</summary>
/// <param name="clock">The time of audit entries and migration records (the host's or the command line's clock).</param>
public sealed class ResMonitorDbContext(DbContextOptions<ResMonitorDbContext> options, TimeProvider clock)
    : IdentityDbContext<User, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public ResMonitorDbContext(DbContextOptions<ResMonitorDbContext> options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>The clock this context stamps its audit entries with.</summary>
    public TimeProvider Clock => clock;

    /// <summary>
    /// The Identity tables as of schema version 1 (no passkeys): what Identity builds when no options are given, as
    /// in the command line; the web host pins the same version. See docs/decisions/0004-accounts.md.
    /// </summary>
    public static readonly Version IdentitySchema = IdentitySchemaVersions.Version1;

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

    public DbSet<Governance.Impasse> Impasses => Set<Governance.Impasse>();

    public DbSet<Governance.EscalationEvent> EscalationEvents => Set<Governance.EscalationEvent>();

    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();

    public DbSet<Grid.Congestion> Congestions => Set<Grid.Congestion>();

    public DbSet<OfficialFigure> OfficialFigures => Set<OfficialFigure>();

    public DbSet<Governance.DecisionMoment> DecisionMoments => Set<Governance.DecisionMoment>();

    public DbSet<Import.ImportDecision> ImportDecisions => Set<Import.ImportDecision>();

    public DbSet<Import.ImportColumnMapping> ImportColumnMappings => Set<Import.ImportColumnMapping>();

    /// <summary>Each region's CBS code, RES 1.0 bid (figure, range or unknown) and boundary: the national picture.</summary>
    public DbSet<National.RegionBid> RegionBids => Set<National.RegionBid>();

    /// <summary>
    /// The site's data-protection keys (sign-in cookie, form tokens), shared by every instance on this database.
    /// Written only by ASP.NET Core; never logged in the audit trail and never in a backup.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The municipalities of a region, read-only: the query most pages and services start from.</summary>
    public IQueryable<Organisation> MunicipalitiesOf(string regionId) =>
        Organisations.AsNoTracking().Where(o => o.RegionId == regionId && o.Kind == OrganisationKind.Municipality);

    /// <summary>Who writes through this context, and why; every saved change is logged field by field under this name.</summary>
    public Audit.AuditActor Actor { get; set; } = Audit.AuditActor.Unknown;

    /// <summary>
    /// Saves, and in the same transaction logs every changed field (see <see cref="Audit.AuditEntry"/>). Outside a
    /// caller's transaction the save runs under the execution strategy (on PostgreSQL retried after a transient failure
    /// such as a restart): the changes are accepted only after the commit and the log entries are written past the change
    /// tracker, so that a retry saves the same changes and the same entries once.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        TextGuard.Check(this);
        RaiseProjectVersions();
        var pending = Audit.AuditRecorder.Collect(this);
        var figures = ChangesFigures();
        if (pending.Count == 0 && !figures)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            // The caller's transaction (and the caller's execution strategy, if it retries).
            var inside = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (pending.Count > 0)
            {
                AuditEntries.AddRange(Audit.AuditRecorder.Entries(pending, Actor, Audit.AuditRecorder.Now(clock)));
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }

            if (figures)
            {
                await Register.RegisterVersionStore.RaiseAsync(this, cancellationToken);
            }

            return inside;
        }

        var saved = await Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            if (pending.Count > 0)
            {
                await BulkWriter.InsertAsync(this, Audit.AuditRecorder.Entries(pending, Actor, Audit.AuditRecorder.Now(clock)).ToList(), cancellationToken);
            }

            if (figures)
            {
                await Register.RegisterVersionStore.RaiseAsync(this, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return count;
        });
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        // One way of saving: the synchronous call waits for the asynchronous one (no synchronization context here).
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>True when a pending change touches a table behind the public figures (see <see cref="Register.RegisterVersionStore"/>).</summary>
    private bool ChangesFigures() =>
        ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && Register.RegisterVersionStore.FiguresTables.Contains(e.Metadata.ClrType));

    /// <summary>A changed project gets the next version, unless the writer set it already.</summary>
    private void RaiseProjectVersions()
    {
        foreach (var entry in ChangeTracker.Entries<Project>())
        {
            if (entry.State == EntityState.Modified && !entry.Property(p => p.Version).IsModified
                && entry.Properties.Any(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
            {
                entry.Entity.Version = entry.Property(p => p.Version).OriginalValue + 1;
            }
        }
    }

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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        ConfigureAccounts(builder);

        builder.Entity<Region>(e =>
        {
            e.Property(r => r.Id).HasMaxLength(64);
            e.Property(r => r.Name).HasMaxLength(200);
        });

        builder.Entity<Organisation>(e =>
        {
            e.HasIndex(o => new { o.RegionId, o.Code }).IsUnique();
            e.Property(o => o.Code).HasMaxLength(64);
            e.Property(o => o.Name).HasMaxLength(200);
            e.HasOne<Region>().WithMany(r => r.Organisations).HasForeignKey(o => o.RegionId);
        });

        builder.Entity<Target>(e =>
        {
            e.HasOne<Region>().WithMany(r => r.Targets).HasForeignKey(t => t.RegionId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(t => t.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<National.RegionBid>(e =>
        {
            e.HasKey(b => b.RegionId);
            e.HasOne<Region>().WithOne().HasForeignKey<National.RegionBid>(b => b.RegionId);
            e.Property(b => b.RegionId).HasMaxLength(64);
            e.Property(b => b.Code).HasMaxLength(8);
            e.Property(b => b.Mark).HasMaxLength(8);
            e.HasIndex(b => b.Code).IsUnique();
        });

        builder.Entity<OfficialFigure>(e =>
        {
            e.HasOne<Region>().WithMany().HasForeignKey(f => f.RegionId);
            e.Property(f => f.RegionId).HasMaxLength(64);
            e.Property(f => f.TableId).HasMaxLength(100);
            e.Property(f => f.Status).HasMaxLength(40);
        });

        builder.Entity<Project>(e =>
        {
            e.Property(p => p.Id).HasMaxLength(64);
            e.Property(p => p.Name).HasMaxLength(200);
            e.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionId);
            e.HasOne(p => p.Municipality).WithMany().HasForeignKey(p => p.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.SearchArea).WithMany().HasForeignKey(p => p.SearchAreaId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(p => p.PhaseHistory).WithOne().HasForeignKey(c => c.ProjectId);
            e.HasMany(p => p.Permits).WithOne().HasForeignKey(c => c.ProjectId);
            e.HasIndex(p => new { p.RegionId, p.Phase });
            e.Property(p => p.Version).IsConcurrencyToken();
        });

        builder.Entity<PhaseChange>(e => e.HasIndex(c => new { c.ProjectId, c.Date }));

        builder.Entity<SearchArea>(e =>
        {
            e.Property(a => a.Id).HasMaxLength(64);
            e.Property(a => a.Name).HasMaxLength(200);
            e.HasOne<Region>().WithMany().HasForeignKey(a => a.RegionId);
            e.HasOne(a => a.Municipality).WithMany().HasForeignKey(a => a.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<FullLoadHours>(e =>
        {
            e.HasOne<Region>().WithMany().HasForeignKey(h => h.RegionId);
            e.HasOne(h => h.Municipality).WithMany().HasForeignKey(h => h.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Forecast.ForecastAssumptionRow>(e =>
        {
            e.ToTable("forecast_assumptions");
            e.HasOne<Region>().WithMany().HasForeignKey(a => a.RegionId);
            e.HasIndex(a => new { a.RegionId, a.Version, a.Phase }).IsUnique();
            e.Property(a => a.RegionId).HasMaxLength(64);
            e.Property(a => a.Version).HasMaxLength(64);
        });

        builder.Entity<PlanFailures.PlanFailure>(e =>
        {
            e.HasOne<Region>().WithMany().HasForeignKey(f => f.RegionId);
            e.HasOne<Project>().WithMany().HasForeignKey(f => f.ProjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<SearchArea>().WithMany().HasForeignKey(f => f.SearchAreaId).OnDelete(DeleteBehavior.Restrict);
            e.Property(f => f.RegionId).HasMaxLength(64);
            e.Property(f => f.ProjectId).HasMaxLength(64);
            e.Property(f => f.SearchAreaId).HasMaxLength(64);
            e.Property(f => f.RecordedBy).HasMaxLength(200);
        });

        builder.Entity<Audit.AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.Property(a => a.RegionId).HasMaxLength(64);
            e.HasIndex(a => new { a.RegionId, a.At });
            e.Property(a => a.Actor).HasMaxLength(200);
            e.Property(a => a.Channel).HasMaxLength(20);
            e.Property(a => a.TableName).HasMaxLength(64);
            e.Property(a => a.RowKey).HasMaxLength(200);
            e.Property(a => a.Field).HasMaxLength(64);
            e.HasIndex(a => new { a.TableName, a.RowKey });
            e.HasIndex(a => a.At);
        });

        ConfigureEscalation(builder);
        ConfigureGrid(builder);
        ConfigureImport(builder);
        UseSnakeCaseNames(builder);
    }

    /// <summary>The escalation procedure: an impasse and its append-only timeline.</summary>
    private static void ConfigureEscalation(ModelBuilder builder)
    {
        builder.Entity<Governance.Impasse>(e =>
        {
            e.HasOne<Region>().WithMany().HasForeignKey(i => i.RegionId);
            e.HasMany(i => i.Events).WithOne().HasForeignKey(v => v.ImpasseId);
            e.Property(i => i.RegionId).HasMaxLength(64);
            e.Property(i => i.Title).HasMaxLength(200);
            e.Property(i => i.RecordedBy).HasMaxLength(200);
        });
        builder.Entity<Governance.DecisionMoment>(e =>
        {
            e.ToTable("decision_moments");
            e.HasOne<Region>().WithMany().HasForeignKey(m => m.RegionId);
            e.HasIndex(m => new { m.RegionId, m.StartsOn });
            e.Property(m => m.RegionId).HasMaxLength(64);
            e.Property(m => m.Title).HasMaxLength(Governance.Timeline.TitleLength);
            e.Ignore(m => m.Date);
        });
        builder.Entity<Governance.EscalationEvent>(e =>
        {
            e.ToTable("escalation_events");
            e.HasOne<Organisation>().WithMany().HasForeignKey(v => v.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.Property(v => v.Owner).HasMaxLength(200);
            e.Property(v => v.RecordedBy).HasMaxLength(200);
        });
    }

    /// <summary>The grid congestion register: an area (municipality or search area), its grid operator, kind and dates.</summary>
    private static void ConfigureGrid(ModelBuilder builder) =>
        builder.Entity<Grid.Congestion>(e =>
        {
            e.ToTable("grid_congestions");
            e.HasOne<Region>().WithMany().HasForeignKey(c => c.RegionId);
            e.HasOne(c => c.Municipality).WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(c => c.SearchArea).WithMany().HasForeignKey(c => c.SearchAreaId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(c => c.GridOperator).WithMany().HasForeignKey(c => c.GridOperatorId).OnDelete(DeleteBehavior.Restrict);
            e.Property(c => c.RegionId).HasMaxLength(64);
            e.Property(c => c.SearchAreaId).HasMaxLength(64);
            e.Property(c => c.Reinforcement).HasMaxLength(200);
        });

    /// <summary>What the import remembers: decisions about possible duplicates, and matched columns per organisation.</summary>
    private static void ConfigureImport(ModelBuilder builder)
    {
        builder.Entity<Import.ImportDecision>(e =>
        {
            e.ToTable("import_decisions");
            e.HasKey(d => new { d.RegionId, d.RowKey });
            e.HasOne<Region>().WithMany().HasForeignKey(d => d.RegionId);
            e.Property(d => d.RegionId).HasMaxLength(64);
            e.Property(d => d.RowKey).HasMaxLength(64);
            e.Property(d => d.SameAs).HasMaxLength(64);
            e.Property(d => d.DecidedBy).HasMaxLength(200);
        });
        builder.Entity<Import.ImportColumnMapping>(e =>
        {
            e.ToTable("import_column_mappings");
            e.HasKey(m => new { m.Owner, m.HeaderKey });
            e.Property(m => m.Owner).HasMaxLength(100);
            e.Property(m => m.HeaderKey).HasMaxLength(200);
            e.Property(m => m.ColumnName).HasMaxLength(64);
            e.Property(m => m.UpdatedBy).HasMaxLength(200);
        });
    }

    /// <summary>Accounts: plain table names next to the register's, and a redacteur's organisation.</summary>
    private static void ConfigureAccounts(ModelBuilder builder)
    {
        builder.Entity<User>(e =>
        {
            e.ToTable("users");
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.Property(u => u.RegionId).HasMaxLength(64);
            e.HasOne<Region>().WithMany().HasForeignKey(u => u.RegionId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(u => u.RegionId);
        });
        builder.Entity<IdentityRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
    }

    /// <summary>snake_case tables and columns read naturally in SQL on both providers and need no quoting.</summary>
    private static void UseSnakeCaseNames(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
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
