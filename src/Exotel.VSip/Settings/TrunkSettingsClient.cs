using Exotel.VSip.Internal;
using VapiExotel.Shared;

namespace Exotel.VSip;

/// <summary>Reads and writes a trunk's settings (<c>…/trunks/{trunk_sid}/settings</c>), such as the outbound caller-ID alias.</summary>
public class TrunkSettingsClient
{
    private const string Collection = "trunks/{trunk_sid}/settings";
    private readonly ExotelTransport _transport = null!;

    /// <summary>For mocking.</summary>
    protected TrunkSettingsClient()
    {
    }

    internal TrunkSettingsClient(ExotelTransport transport) => _transport = transport;

    /// <summary>Sets one or more settings in one request; Exotel judges each separately.</summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <param name="settings">Names and values; <c>trunk_external_alias</c> must be an E.164 number.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>One result per setting, in the order given.</returns>
    public virtual async Task<ExotelBatchResult<ExotelTrunkSetting>> SetAsync(
        string trunkSid, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken = default)
    {
        Guard.Id(trunkSid, nameof(trunkSid));
        Guard.NotNull(settings, nameof(settings));
        if (settings.Count == 0)
        {
            throw new ArgumentException("settings must contain at least one setting.", nameof(settings));
        }

        var items = new List<SettingItem>(settings.Count);
        foreach (var (name, value) in settings)
        {
            Guard.NotEmpty(name, nameof(settings) + ".Key");
            Guard.NotNull(value, $"settings[{name}]");
            if (name == ExotelTrunkSetting.ExternalAlias)
            {
                ExotelRules.E164(value, $"settings[{name}]");
            }

            items.Add(new SettingItem(name, value));
        }

        var (result, _) = await _transport.V2BatchAsync(
            HttpMethod.Post, _transport.V2(Collection, trunkSid), ExotelTransport.Json(new SettingsBody(items), ExotelJsonContext.Wire.SettingsBody),
            ExotelJsonContext.Default.ExotelTrunkSetting, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Lists a trunk's settings.</summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The settings.</returns>
    public virtual IAsyncEnumerable<ExotelTrunkSetting> ListAsync(string trunkSid, CancellationToken cancellationToken = default) =>
        _transport.V2ListAsync(_transport.V2(Collection, Guard.Id(trunkSid, nameof(trunkSid))), ExotelJsonContext.Default.ExotelTrunkSetting, cancellationToken);

    /// <summary>Removes a setting.</summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <param name="name">The setting's name, such as <c>trunk_external_alias</c>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when Exotel confirms.</returns>
    public virtual Task DeleteAsync(string trunkSid, string name, CancellationToken cancellationToken = default) =>
        _transport.V2DeleteAsync(
            _transport.V2(Collection, Guard.Id(trunkSid, nameof(trunkSid))).WithQuery(("name", Guard.NotEmpty(name, nameof(name)))),
            ExotelJsonContext.Default.ExotelTrunkSetting,
            cancellationToken);
}
