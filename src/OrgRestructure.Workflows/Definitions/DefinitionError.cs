namespace OrgRestructure.Workflows.Definitions;

/// <summary>One thing wrong in a definition file: which file, where (JSON path), and what.</summary>
public sealed record DefinitionError(string File, string Path, string Message)
{
    public override string ToString() => $"{File}: {Path}: {Message}";
}

/// <summary>Thrown at start-up when a definition directory holds an invalid file.</summary>
public sealed class InvalidWorkflowDefinitionException(IReadOnlyList<DefinitionError> errors)
    : Exception("Invalid workflow definitions:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}
