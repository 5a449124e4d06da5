using System.Globalization;
using System.Text.Json.Nodes;

namespace VapiExotel.Sandbox.Exotel;

// The emulated Exotel account's state. Mutated only under the sandbox's state lock.

internal abstract class ExotelRecord
{
    public required string Id { get; init; }

    public DateTimeOffset Created { get; init; }

    public DateTimeOffset Updated { get; set; }

    public static string V2Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    protected void Dates(JsonObject json)
    {
        json["date_created"] = V2Date(Created);
        json["date_updated"] = V2Date(Updated);
    }
}

internal sealed class TrunkRecord : ExotelRecord
{
    public required string Name { get; set; }

    public required string NsoCode { get; set; }

    public required string DomainName { get; init; }

    public string AuthType { get; set; } = "IP-WHITELIST";

    public List<MappingRecord> Mappings { get; } = [];

    public List<WhitelistedIpRecord> WhitelistedIps { get; } = [];

    public List<DestinationRecord> Destinations { get; } = [];

    public List<CredentialRecord> Credentials { get; } = [];

    public List<SettingRecord> Settings { get; } = [];

    public JsonObject ToJson(string accountSid)
    {
        var self = $"/v2/accounts/{accountSid}/trunks/{Id}";
        var json = new JsonObject { ["trunk_name"] = Name };
        Dates(json);
        json["trunk_sid"] = Id;
        json["status"] = "active";
        json["domain_name"] = DomainName;
        json["auth_type"] = AuthType;
        json["registration_enabled"] = "disabled";
        json["edge_preference"] = "auto";
        json["nso_code"] = NsoCode;
        json["secure_trunking"] = "disabled";
        json["destination_uris"] = self + "/destination-uris";
        json["whitelisted_ips"] = self + "/whitelisted-ips";
        json["credentials"] = self + "/credentials";
        json["phone_numbers"] = self + "/phone-numbers";
        return json;
    }
}

internal sealed class MappingRecord : ExotelRecord
{
    public required string TrunkSid { get; init; }

    public required string PhoneNumber { get; init; }

    public string? Mode { get; set; }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["id"] = Id, ["phone_number"] = PhoneNumber, ["trunk_sid"] = TrunkSid };
        Dates(json);
        json["mode"] = Mode;
        return json;
    }
}

internal sealed class WhitelistedIpRecord : ExotelRecord
{
    public required string TrunkSid { get; init; }

    public required string Ip { get; set; }

    public int Mask { get; set; }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["id"] = Id, ["mask"] = Mask, ["trunk_sid"] = TrunkSid, ["ip"] = Ip, ["friendly_name"] = null };
        Dates(json);
        return json;
    }
}

internal sealed class DestinationRecord : ExotelRecord
{
    public required string TrunkSid { get; init; }

    /// <summary>As given (without <c>sip:</c>); answers add the prefix, as Exotel does.</summary>
    public required string Destination { get; init; }

    public int Priority { get; set; }

    public int Weight { get; set; } = 1;

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["id"] = Id, ["destination"] = "sip:" + Destination };
        Dates(json);
        json["type"] = "public";
        json["priority"] = Priority;
        json["weight"] = Weight;
        json["trunk_sid"] = TrunkSid;
        return json;
    }
}

internal sealed class CredentialRecord : ExotelRecord
{
    public required string TrunkSid { get; init; }

    public required string UserName { get; set; }

    /// <summary>Kept to check against, never written into an answer.</summary>
    public required string Password { get; set; }

    public string? FriendlyName { get; set; }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["id"] = Id, ["trunk_sid"] = TrunkSid, ["user_name"] = UserName, ["friendly_name"] = FriendlyName };
        Dates(json);
        return json;
    }
}

internal sealed class SettingRecord : ExotelRecord
{
    public required string TrunkSid { get; init; }

    public required string Value { get; set; }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["name"] = Id, ["value"] = Value, ["trunk_sid"] = TrunkSid };
        Dates(json);
        return json;
    }
}
