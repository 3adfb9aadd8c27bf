using System.Text;
using OrgRestructure.Cli;

// Before Console.Out is read: setting the encoding replaces it, and a live progress bar is drawn only on the real stdout.
Console.OutputEncoding = Encoding.UTF8;
return await CliApp.RunAsync(args, Console.Out, Console.Error);
