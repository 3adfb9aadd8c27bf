using OrgRestructure.Workflows.Definitions;

namespace OrgRestructure.Workflows.Tests.Support;

/// <summary>Small definitions for testing one engine feature at a time.</summary>
public static class TestDefinitions
{
    public const string SkipsVetting = """
        {
          "id": "skips-vetting", "version": 1, "title": { "vi": "Thử", "en": "Test" }, "legalBasis": [],
          "steps": [
            { "id": "slate", "title": { "vi": "Danh sách", "en": "Slate" }, "kind": "HumanTask", "next": "decision",
              "config": { "fields": [ { "name": "note", "type": "text", "label": { "vi": "Ghi chú", "en": "Note" } } ] },
              "task": { "assigneeRole": "district-standing-committee" } },
            { "id": "vetting", "title": { "vi": "Thẩm định", "en": "Vetting" }, "kind": "Approval",
              "config": { "candidatesFrom": [ "steps.slate.candidates" ], "onRejection": "slate" },
              "task": { "assigneeRole": "district-inspection-committee" } },
            { "id": "decision", "title": { "vi": "Quyết định", "en": "Decision" }, "kind": "Decision",
              "config": { "vettingStep": "vetting" }, "task": { "assigneeRole": "district-standing-committee" } }
          ]
        }
        """;

    public const string TimerAndAnyJoin = """
        {
          "id": "timer-and-any", "version": 1, "title": { "vi": "Thử", "en": "Test" }, "legalBasis": [],
          "parameters": { "waitDays": { "type": "integer", "default": 3, "title": { "vi": "Chờ", "en": "Wait" } } },
          "input": [ { "name": "offices", "type": "stringList", "label": { "vi": "Cơ quan", "en": "Offices" }, "required": true } ],
          "steps": [
            { "id": "wait", "title": { "vi": "Chờ", "en": "Wait" }, "kind": "Timer", "config": { "delayDays": { "param": "waitDays" } } },
            { "id": "ask", "title": { "vi": "Hỏi", "en": "Ask" }, "kind": "ForEach", "config": { "items": "input.offices", "join": "any" },
              "body": [
                { "id": "answer", "title": { "vi": "Trả lời", "en": "Answer" }, "kind": "HumanTask",
                  "config": { "fields": [ { "name": "ok", "type": "boolean", "label": { "vi": "Đồng ý", "en": "Agree" }, "required": true } ] },
                  "task": { "assigneeRole": "office", "dueWorkingDays": 2, "reminderDaysBefore": 1, "escalateTo": "district-standing-committee" } }
              ] }
          ]
        }
        """;

    public static WorkflowDefinition Read(string json, string file = "test.json")
    {
        var (definition, errors) = DefinitionReader.Read(file, json);
        return definition ?? throw new InvalidOperationException(string.Join(Environment.NewLine, errors));
    }
}
