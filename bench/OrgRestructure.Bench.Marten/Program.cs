using OrgRestructure.Bench.Marten;

// Marten prints notices on the console; they go to stderr so that stdout carries only the report.
var output = Console.Out;
Console.SetOut(Console.Error);
return await MartenBenchCommand.RunAsync(args, output, Console.Error, CancellationToken.None);
