return await Sky.Cli.SkyCommandLine.RunAsync(args, Console.Out, Console.Error);
