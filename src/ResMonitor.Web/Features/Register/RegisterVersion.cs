namespace ResMonitor.Web.Features.Register;

/// <summary>
/// The register version this instance knows (see Core/Register/RegisterVersionStore): raised at once after a write
/// through this instance, and read from the database in the background so that a write by the command line or by
/// another instance on the same database is seen within about a second. Caches key on it.
/// </summary>
public sealed class RegisterVersion
{
    private long _current;

    public long Current => Interlocked.Read(ref _current);

    /// <summary>Raised with the new value when the version moved on.</summary>
    public event Action<long>? Changed;

    /// <summary>Takes a value read from the database; an older value than the one known is ignored.</summary>
    public void Observe(long value)
    {
        while (true)
        {
            var known = Interlocked.Read(ref _current);
            if (value <= known)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _current, value, known) == known)
            {
                Changed?.Invoke(value);
                return;
            }
        }
    }
}
