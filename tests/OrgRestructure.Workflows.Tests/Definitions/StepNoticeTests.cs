using OrgRestructure.Testing;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Workflows.Tests.Definitions;

/// <summary>A step's number and notice are definition data, read and checked, and left out of the content hash.</summary>
public sealed class StepNoticeTests
{
    private const string WithNotice = """
        {
          "id": "minimal", "version": 1, "title": { "vi": "Tối thiểu", "en": "Minimal" }, "legalBasis": [],
          "steps": [ { "id": "tell", "title": { "vi": "Bước 2: Báo", "en": "Step 2: Tell" }, "number": 2,
            "notice": { "title": { "vi": "Báo tin", "en": "Telling" }, "notify": [ "appointee" ], "text": { "vi": "Mời dự.", "en": "Please come." }, "data": [ "input.when" ] },
            "kind": "Notify", "config": { "template": "t", "roles": [ "r" ], "subject": { "vi": "s", "en": "s" } } } ]
        }
        """;

    /// <summary>The hashes the shipped versions had before steps carried numbers and notices: cases pinned them.</summary>
    [Theory]
    [InlineData("commune-party-committee-formation-2025.json", "7ab6dcda63da5b0ee491741ae1365b60a6e3b0135dc994e8a5e4e5c1be8934cf")]
    [InlineData("organization-merger.json", "f50660e04393894ad41ce4ba2b677f37c0c295677e4084a32273cb151d831f5d")]
    [InlineData("organization-merger.v1.json", "c1a69bf386e2c61e66e431238f18e8aeb0486d710af442145f1552cfb0158445")]
    [InlineData("organization-merger.v2.json", "a2b29f9555a913dbda22d40bc189d0b05c9e01dcc2aac01c1561c35aea1b0bee")]
    [InlineData("party-committee-formation-appointed-2025.json", "c256e1bb52300cefde0be584f187e071ce3737986975c280cdb6d427dc9f6621")]
    [InlineData("party-committee-formation-appointed-2025.v1.json", "528e00fe9283aed8485844d503345530e39851c4aefdf50cf5addc5be356efe0")]
    [InlineData("party-committee-formation-appointed-2025.v2.json", "dd15134fa8b84ab5b7c3884988ea6dcc3c066684cb5ab5e343d1c45fa7207caa")]
    [InlineData("party-committee-formation-appointed-2025.v3.json", "d5d6a9886bb0ed5e6efa2272acbb8b055526ca75de4ad57178a40b9aed011ef0")]
    [InlineData("party-committee-formation.json", "dc483598205e5e230b43a2f94c63666cb7758c313e8b4742859f5b58f9520f7e")]
    [InlineData("party-committee-formation.v1.json", "e37754858260003eb9ca733c5b7447d0107633b553d18f0756163433f337cded")]
    [InlineData("party-committee-formation.v2.json", "52fd9e2ef039b5a99f6263b84ce1e603bbd97cdc7729439c2106a74a5d060788")]
    [InlineData("party-committee-formation.v3.json", "86e9d235e77dc98684b5b9d9225b6ca7fba97564dca50e87b238f74fec616e8a")]
    public void a_published_version_keeps_its_content_hash_with_step_numbers_and_notices(string file, string hash)
    {
        var path = Path.Combine(RepositoryPaths.WorkflowsDirectory, file);
        var (definition, errors) = DefinitionReader.Read(path, File.ReadAllText(path));

        Assert.Empty(errors);
        Assert.Equal(hash, definition!.Hash);
        Assert.Contains(definition.AllSteps.Values, s => s.Notice is not null);
    }

    [Fact]
    public void a_step_notice_gives_the_number_the_name_the_audience_the_sentence_and_the_data()
    {
        var (definition, errors) = DefinitionReader.Read("x.json", WithNotice);

        Assert.Empty(errors);
        var step = definition!.Step("tell");
        Assert.Equal(2, step.Number);
        Assert.Equal(new LocalizedText("Báo tin", "Telling"), step.NoticeTitle);
        Assert.Equal(["appointee"], step.Notice!.Notify);
        Assert.Equal(new LocalizedText("Mời dự.", "Please come."), step.Notice.Text);
        Assert.Equal(["input.when"], step.Notice.Data);
    }

    [Fact]
    public void a_notice_with_an_unknown_key_a_bad_number_or_a_progress_off_a_foreach_is_refused_naming_the_path()
    {
        var bad = WithNotice
            .Replace("\"number\": 2", "\"number\": 0", StringComparison.Ordinal)
            .Replace("\"data\": [ \"input.when\" ]", "\"data\": [ \"input.when\" ], \"colour\": \"red\", \"progress\": { \"notify\": [ \"x\" ], \"text\": { \"vi\": \"a\", \"en\": \"b\" } }", StringComparison.Ordinal);

        var paths = DefinitionReader.Read("x.json", bad).Errors.Select(e => e.Path).ToList();

        Assert.Contains("$.steps[0].number", paths);
        Assert.Contains("$.steps[0].notice.colour", paths);
        Assert.Contains("$.steps[0].notice.progress", paths);
    }
}
