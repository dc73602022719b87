from disclosure_log.cli import main

raise SystemExit(main())
