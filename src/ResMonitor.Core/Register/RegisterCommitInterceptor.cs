using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ResMonitor.Core.Register;

/// <summary>
/// Tells this process that a transaction was committed on some context (see <see cref="RegisterVersionStore.Committed"/>),
/// so that a site running in the same process reads the register version at once instead of at its next tick.
/// </summary>
public sealed class RegisterCommitInterceptor : DbTransactionInterceptor
{
    public static readonly RegisterCommitInterceptor Instance = new();

    private RegisterCommitInterceptor()
    {
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        RegisterVersionStore.OnCommitted();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RegisterVersionStore.OnCommitted();
        return Task.CompletedTask;
    }
}
