return Matcher.Cli.CommandDispatcher.Run(args);
