using FormalExpressivity.Cli;

return FexApp.Run(args, Console.Out, Console.Error);
