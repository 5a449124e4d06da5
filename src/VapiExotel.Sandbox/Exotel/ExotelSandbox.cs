using System.Text.Json.Nodes;
using VapiExotel.Sandbox.Hosting;
using VapiExotel.Sandbox.Requests;

namespace VapiExotel.Sandbox;

/// <summary>
/// The emulated Exotel account, seen from the test's side. Every read is a snapshot in Exotel's own JSON (the
/// object a GET would return); secrets are never part of it.
/// </summary>
public sealed class ExotelSandbox
{
    private readonly SandboxEngine _engine;

    internal ExotelSandbox(SandboxEngine engine) => _engine = engine;

    /// <summary>The account SID.</summary>
    public string AccountSid => _engine.Options.ExotelAccountSid;

    /// <summary>The trunks, oldest first.</summary>
    public IReadOnlyList<JsonObject> Trunks => Read(e => e.Trunks.ConvertAll(t => t.ToJson(e.AccountSid)));

    /// <summary>The Voice API calls, oldest first, with their details, as they stand now.</summary>
    public IReadOnlyList<JsonObject> Calls => Read(e => e.CallSnapshots(_engine.Clock.UtcNow));

    /// <summary>A trunk's phone-number mappings.</summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <returns>The mappings; empty when the trunk does not exist.</returns>
    public IReadOnlyList<JsonObject> PhoneNumbers(string trunkSid) => OfTrunk(trunkSid, t => t.Mappings.ConvertAll(m => m.ToJson()));

    /// <summary>A trunk's whitelisted IPs.</summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <returns>The IPs; empty when the trunk does not exist.</returns>
    public IReadOnlyList<JsonObject> WhitelistedIps(string trunkSid) => OfTrunk(trunkSid, t => t.WhitelistedIps.ConvertAll(i => i.ToJson()));

    /// <summary>A trunk's destination URIs.</summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <returns>The destinations; empty when the trunk does not exist.</returns>
    public IReadOnlyList<JsonObject> DestinationUris(string trunkSid) => OfTrunk(trunkSid, t => t.Destinations.ConvertAll(d => d.ToJson()));

    /// <summary>A trunk's SIP credentials (without their passwords).</summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <returns>The credentials; empty when the trunk does not exist.</returns>
    public IReadOnlyList<JsonObject> Credentials(string trunkSid) => OfTrunk(trunkSid, t => t.Credentials.ConvertAll(c => c.ToJson()));

    /// <summary>A trunk's settings.</summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <returns>The settings; empty when the trunk does not exist.</returns>
    public IReadOnlyList<JsonObject> Settings(string trunkSid) => OfTrunk(trunkSid, t => t.Settings.ConvertAll(s => s.ToJson()));

    /// <summary>Whether a trunk credential's password is <paramref name="password"/> (passwords are never shown).</summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <param name="userName">The credential's user name.</param>
    /// <param name="password">The password to check.</param>
    /// <returns>True when the credential exists and its password matches.</returns>
    public bool CredentialPasswordIs(string trunkSid, string userName, string password)
    {
        lock (_engine.Gate)
        {
            var credential = _engine.Exotel.Trunks.Find(t => t.Id == trunkSid)?.Credentials.Find(c => c.UserName == userName);
            return credential is not null && SecretScrubber.SameSecret(credential.Password, password);
        }
    }

    private List<JsonObject> Read(Func<Exotel.ExotelEmulator, List<JsonObject>> read)
    {
        lock (_engine.Gate)
        {
            return read(_engine.Exotel);
        }
    }

    private List<JsonObject> OfTrunk(string trunkSid, Func<Exotel.TrunkRecord, List<JsonObject>> read) =>
        Read(e => e.Trunks.Find(t => t.Id == trunkSid) is { } trunk ? read(trunk) : []);
}
