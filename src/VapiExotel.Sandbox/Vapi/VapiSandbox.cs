using System.Text.Json.Nodes;
using VapiExotel.Sandbox.Hosting;
using VapiExotel.Sandbox.Requests;

namespace VapiExotel.Sandbox;

/// <summary>
/// The emulated Vapi org, seen from the test's side. Every read is a snapshot in Vapi's own JSON (the object a GET
/// would return); secrets are never part of it.
/// </summary>
public sealed class VapiSandbox
{
    private readonly SandboxEngine _engine;

    internal VapiSandbox(SandboxEngine engine) => _engine = engine;

    /// <summary>The org id every resource carries.</summary>
    public string OrgId => _engine.Vapi.OrgId;

    /// <summary>The credentials, oldest first.</summary>
    public IReadOnlyList<JsonObject> Credentials => Read(e => e.Credentials.ConvertAll(r => r.ToJson(e.OrgId)));

    /// <summary>The phone numbers, oldest first.</summary>
    public IReadOnlyList<JsonObject> PhoneNumbers => Read(e => e.PhoneNumbers.ConvertAll(r => r.ToJson(e.OrgId)));

    /// <summary>The assistants, oldest first (the seeded ones first).</summary>
    public IReadOnlyList<JsonObject> Assistants => Read(e => e.Assistants.ConvertAll(r => r.ToJson(e.OrgId)));

    /// <summary>The calls, oldest first, as they stand now (deleted ones left out).</summary>
    public IReadOnlyList<JsonObject> Calls => Read(e => e.CallSnapshots(_engine.Clock.UtcNow));

    /// <summary>Adds an assistant.</summary>
    /// <param name="name">Its name.</param>
    /// <returns>Its id.</returns>
    public string AddAssistant(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_engine.Gate)
        {
            return _engine.Vapi.AddAssistant(name, _engine.Clock.UtcNow).Id;
        }
    }

    /// <summary>Whether a credential's outbound authentication password is <paramref name="password"/> (Vapi never returns it).</summary>
    /// <param name="credentialId">The credential id.</param>
    /// <param name="password">The password to check.</param>
    /// <returns>True when the credential exists and its password matches.</returns>
    public bool AuthPasswordIs(string credentialId, string password)
    {
        lock (_engine.Gate)
        {
            var credential = _engine.Vapi.Credentials.Find(c => c.Id == credentialId);
            return credential is not null && credential.Secrets.TryGetValue("authPassword", out var actual) && SecretScrubber.SameSecret(actual, password);
        }
    }

    private List<JsonObject> Read(Func<Vapi.VapiEmulator, List<JsonObject>> read)
    {
        lock (_engine.Gate)
        {
            return read(_engine.Vapi);
        }
    }
}
