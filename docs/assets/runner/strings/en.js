// The runner's interface in English (strings.js loads the page's language only). `{t}`,
// `{error}` and the like are filled in.
export default {
  toolbar: "Run this example",
  run: "Run",
  stop: "Stop",
  edit: "Edit",
  reset: "Reset",
  copy: "Copy",
  copied: "Copied",
  share: "Share",
  linkCopied: "Link copied",
  output: "Output",
  live: "Your run, in the browser",
  liveWith: "Your run, in the browser: Pyodide (Python {python})",
  recordedTimeline: "The recorded timeline, to compare",
  editorLabel: "Python code editor. Ctrl+Enter or Cmd+Enter runs it.",
  starting: "Starting Python in your browser…",
  startingBytes: "Starting Python in your browser: {received} of {total} MB…",
  startingPlainBytes: "Starting Python in your browser ({why}): {received} of {total} MB…",
  "why-slow-link": "a plain start: fewer bytes suit this connection",
  "why-save-data": "a plain start: fewer bytes, as your browser asks to save data",
  "why-safari": "a plain start: this browser cannot restore Python's prepared memory",
  "why-failed": "a plain start: Python's prepared memory could not be used",
  "why-off": "a plain start, as the address asks",
  queued: "Waiting for another example to finish…",
  running: "Running… {t}",
  finished: "Finished in {t}",
  failed: "{error} after {t}",
  stopped: "Stopped after {t}",
  crashed: "Python stopped unexpectedly after {t}. The next Run starts it again.",
  startFailed: "Python could not start in this browser: {error}",
  stdlibFailed: "Could not fetch the rest of Python's standard library",
  noOutput: "(no output)",
  notRunYet: "This code has not run yet: press Run to see what it prints.",
  cut: "… {n} more characters not shown",
  hintThreads:
    "Python in the browser cannot start threads: a web page gives it a single thread. " +
    "Use asyncio tasks instead, or run this example with CPython on your computer.",
  hintJspi:
    "This code blocks on the event loop inside a function (loop.run_until_complete, " +
    "loop.run_forever, asyncio.Runner.run or asyncio.run), which Python in the browser can do " +
    "only where WebAssembly stack switching (JSPI) is available: Chrome and Edge 137+, Firefox " +
    "153+, not on iOS. Run the loop at the top level of the program instead (asyncio.run(main()) " +
    "there works everywhere), or use await.",
  hintInput:
    "This browser cannot pause Python to wait for what you type (it lacks WebAssembly stack " +
    "switching; Chrome and Edge 137+ and Firefox 153+ have it), so input() and sys.stdin end " +
    "with EOFError here. Put the value into the code instead.",
  hintProcesses:
    "Python in the browser runs inside the page: it cannot start other programs or " +
    "processes (subprocess, os.system, multiprocessing). Use asyncio tasks instead.",
  hintNetwork:
    "Python in the browser cannot open network sockets (socket, asyncio.open_connection, " +
    "urllib): a web page may only make web requests. Examples here simulate the network " +
    "with asyncio.sleep.",
  hintDebug:
    "The event loop of Python in the browser has no debug mode: it logs no slow callbacks " +
    "and does not record where coroutines were created. Run this example with CPython, or " +
    "leave out debug=True.",
  hintMemory:
    "Python in the browser is a 32-bit program: it has at most 4 GB of memory, a single " +
    "object cannot be 2 GB or larger, and the browser may give it less.",
  hintFiles:
    "Your program wrote files. They live in the memory of Python in this tab, not on your " +
    "disk: the next runs can read them, and they are gone after Stop or when you leave.",
  hintStack:
    "Your program went deeper than the browser's stack allows, and Python stopped. " +
    "sys.setrecursionlimit() raises Python's limit, not the browser's: use a loop instead " +
    "of recursion this deep.",
  hintExit:
    "os._exit() ends Python itself, so the next Run starts it again. Use sys.exit() to end " +
    "a program.",
  hintCrash: "What the browser reported: {detail}",
  hintStdlib:
    "This program imports a module that Python in this browser has not fetched yet, and " +
    "fetching it failed ({detail}). Press Run again once the network is back.",
  hintOffline:
    "You are offline, and Python has not been kept in this browser yet: it is kept the " +
    "first time you press Run with a network connection.",
  inputLabel: "Your program waits for input: type a line and press Enter (Ctrl+D ends input).",
  edited: "You edited this example; your version is saved in this browser.",
  originalChanged:
    "The original example has changed since you edited it. Reset shows the new version.",
  storageOff:
    "This browser does not let the page save your edits: they are kept only until you close " +
    "or reload this tab.",
  loadedFromLink: "Code loaded from a shared link. Read it, then press Run to run it.",
  judgeFailed: "Could not fetch what checking needs",
  hintJudge: "Checking needs a file Python in this browser has not fetched yet. Press Check " +
    "again once the network is back.",
  resetDone: "Back to the original code; yours is no longer saved.",
  undoReset: "Undo",
  check: "Check",
  checking: "Checking your program…",
  hint: "Hint",
  hintOf: "Hint {n} of {total}",
  showSolution: "Show solution",
  myCode: "Back to my code",
  passed: "Passed.",
  passedEarlier: "Passed",
  notYet: "Not yet: {message}",
  stepThrough: "Step through",
  stepPrevious: "Previous step",
  stepNext: "Next step",
  stepSlider: "Step",
  stepOf: "Step {n} of {total}, {time} s",
  stepControls: "Step through what the event loop did",
  stepCapped: "The first {n} steps are kept; {more} more are not shown.",
  stepTree: "Await tree after this step",
  stepTreeRunning: "ran this step",
  stepTreeWaits: "waits on {what}",
  stepTreeLine: "line {line}",
  stepStarted: "{task} started",
  stepResumed: "{task} resumed after {what}",
  stepPrintedOne: "printed line {lines}",
  stepPrinted: "printed lines {lines}",
  stepFinished: "finished",
  stepCancelled: "was cancelled",
  stepRaised: "raised {error}",
  stepWaitsAt: "now waits on {what} at line {line}",
  stepWaits: "now waits on {what}",
  stepSentence: "{parts}.",
  stepPartSeparator: ", ",
  stepLastSeparator: " and ",
  stepWaiting: "Waiting: {list}.",
  stepListSeparator: "; ",
  stepOnWhatAt: "{task} on {what} (line {line})",
  stepOnWhat: "{task} on {what}",
  stepNotStarted: "{task}, created, not started yet",
  stepMore: "{n} more",
  stepNoneWaiting: "No other task is waiting.",
  offlineKept: "This browser keeps about {mb} MB for this site, so that it works offline.",
  offlineStarting: "This browser is keeping the site for offline use.",
  offlineNotYet:
    "Nothing is kept yet: this browser keeps the site for offline use once you open a second " +
    "page or run an example.",
  offlineOff: "This browser keeps nothing for this site: it works online only.",
  offlineSaveData:
    "Your browser asks sites to save data, so this site keeps nothing for offline use unless " +
    "you ask it to.",
  offlineUnsupported: "This browser cannot keep the site for offline use here.",
  offlineRemove: "Remove the offline copy",
  offlineKeep: "Keep this site for offline use",
  offlineRemoved: "Removed.",
  offlineKeeping: "Keeping the site.",
  seeTimeline: "The timeline of your run, above, shows it.",
  verdictError: "Not yet: your program stopped with {error} before it could be checked. " +
    "The output shows where; fix it, then press Check again.",
  verdictBroken: "The checks could not judge this program ({message}). Compare it with the " +
    "starter: the exercise expects its functions to keep their names.",
  verdictStopped: "Stopped before the end: nothing to check.",
  solutionShown: "This is one solution. Your own code is kept: Back to my code brings it back.",
  mineBack: "Your own code is back in the editor.",
  exercisesDone: "Exercises on this page: {done} of {total} done",
  predictPrompt: "Before you run it: in what order will these lines be printed?",
  predictHow: "Put them in order, then press Check my order.",
  predictList: "Lines to put in order",
  moveUp: "Move “{line}” up",
  moveDown: "Move “{line}” down",
  predictCheck: "Check my order",
  predictRight: "Right: the lines print in this order. The output and timeline below show why.",
  predictWrong: "Not quite: {n} of {total} lines are in place. The ✓ and ✗ marks show which; " +
    "the output and timeline below show the real order.",
};
