namespace FormalExpressivity.Core.Limits;

/// <summary>A scope that runs its restore action once, when disposed (used by the ambient budgets' <c>Use</c> methods).</summary>
internal sealed class RestoreScope(Action restore) : IDisposable
{
    private Action? _restore = restore;

    /// <inheritdoc />
    public void Dispose()
    {
        _restore?.Invoke();
        _restore = null;
    }
}
