using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Workflows.Forms;

/// <summary>
/// Words for the option codes the engine's own activities put in the forms they build (positions
/// in a decision, an approval's outcome). Definitions name their own fields' options
/// (<c>optionLabels</c>); these are the engine's, so they live with the engine.
/// </summary>
internal static class OptionVocabulary
{
    private static readonly Dictionary<string, LocalizedText> Words = new(StringComparer.Ordinal)
    {
        ["secretary"] = new("Bí thư", "Secretary"),
        ["deputy-secretary"] = new("Phó Bí thư", "Deputy secretary"),
        ["standing-committee"] = new("Ủy viên Ban Thường vụ", "Standing committee member"),
        ["executive-committee"] = new("Ủy viên Ban Chấp hành", "Executive committee member"),
        ["inspection-chair"] = new("Chủ nhiệm Ủy ban Kiểm tra", "Inspection committee chair"),
        ["inspection-vice-chair"] = new("Phó Chủ nhiệm Ủy ban Kiểm tra", "Inspection committee vice-chair"),
        ["inspection-committee"] = new("Ủy viên Ủy ban Kiểm tra", "Inspection committee member"),
        ["approve"] = new("Đồng ý", "Approve"),
        ["return"] = new("Trả về bước trước để sửa", "Return to an earlier step"),
        ["reject"] = new("Không đồng ý", "Reject"),
    };

    /// <summary>Labels for the options the vocabulary knows; an unknown code is shown as written.</summary>
    public static IReadOnlyDictionary<string, LocalizedText>? For(IEnumerable<string> options)
    {
        var known = options.Where(Words.ContainsKey).Distinct(StringComparer.Ordinal).ToDictionary(o => o, o => Words[o], StringComparer.Ordinal);
        return known.Count == 0 ? null : known;
    }
}
