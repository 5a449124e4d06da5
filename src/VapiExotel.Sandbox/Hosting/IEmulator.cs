namespace VapiExotel.Sandbox.Hosting;

/// <summary>One emulated service. Every member is called under the sandbox's state lock.</summary>
internal interface IEmulator
{
    SandboxApi Api { get; }

    /// <summary>Answers a request.</summary>
    SandboxResponse Handle(SandboxHttpRequest request);

    /// <summary>An error answer in the service's own shape, for injected faults and unexpected errors.</summary>
    SandboxResponse Refusal(SandboxHttpRequest request, int status, string message, TimeSpan? retryAfter);

    /// <summary>Moves calls on to <paramref name="now"/>, adding the callbacks that became due.</summary>
    void Progress(DateTimeOffset now, List<SandboxCallback> outbox);
}
