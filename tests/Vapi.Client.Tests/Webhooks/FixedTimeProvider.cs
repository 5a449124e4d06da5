namespace Vapi.Client.Tests.Webhooks;

/// <summary>A clock that always reads the same instant (Microsoft.Extensions.TimeProvider.Testing is not available).</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
