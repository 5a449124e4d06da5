using VapiExotel.Shared.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;

namespace Exotel.VSip.Internal;

/// <summary>
/// The Voice API answers in XML when a request lacks the <c>.json</c> suffix, and some proxies do so anyway. The XML
/// mirrors the JSON tags (<c>&lt;TwilioResponse&gt;&lt;Call&gt;&lt;Sid&gt;…</c>), so it is turned into the same JSON
/// shape and read by the same code. A prolog is optional.
/// </summary>
internal static class XmlResponse
{
    public static JsonDocument? ToJson(RawResponse raw)
    {
        XElement root;
        try
        {
            using var reader = XmlReader.Create(new StringReader(raw.Body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            root = XElement.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }

        // <TwilioResponse><Call>…</Call></TwilioResponse> becomes {"Call": {…}}.
        var json = root.Name.LocalName is "TwilioResponse" or "Response" ? ToObject(root) : new JsonObject { [root.Name.LocalName] = ToNode(root) };
        return JsonDocument.Parse(json.ToJsonString());
    }

    private static JsonNode? ToNode(XElement element) =>
        element.HasElements ? ToObject(element) : (string.IsNullOrEmpty(element.Value) ? null : JsonValue.Create(element.Value));

    private static JsonNode ToObject(XElement element)
    {
        var children = element.Elements().ToList();
        var names = children.Select(c => c.Name.LocalName).Distinct(StringComparer.Ordinal).ToList();

        // <Legs><Leg>…</Leg><Leg>…</Leg></Legs> becomes [{"Leg": {…}}, {"Leg": {…}}], as in the JSON form.
        if (names.Count == 1 && element.Name.LocalName == names[0] + "s")
        {
            var array = new JsonArray();
            foreach (var child in children)
            {
                array.Add((JsonNode)new JsonObject { [names[0]] = ToNode(child) });
            }

            return array;
        }

        var obj = new JsonObject();
        foreach (var child in children)
        {
            obj[child.Name.LocalName] = ToNode(child);
        }

        return obj;
    }
}
