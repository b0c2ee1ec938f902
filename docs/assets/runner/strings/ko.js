// The runner's interface in Korean (strings.js loads the page's language only). `{t}`,
// `{error}` and the like are filled in.
export default {
  toolbar: "이 예제 실행하기",
  run: "실행",
  stop: "중지",
  edit: "편집",
  reset: "되돌리기",
  copy: "복사",
  copied: "복사했습니다",
  share: "공유",
  linkCopied: "링크를 복사했습니다",
  output: "출력",
  live: "브라우저에서 실행한 결과",
  liveWith: "브라우저에서 실행한 결과: Pyodide(Python {python})",
  recordedTimeline: "비교할 기록된 타임라인",
  editorLabel: "파이썬 코드 편집기. Ctrl+Enter 또는 Cmd+Enter로 실행합니다.",
  starting: "브라우저에서 파이썬을 시작하는 중…",
  startingBytes: "브라우저에서 파이썬을 시작하는 중: {total}MB 중 {received}MB…",
  startingPlainBytes: "브라우저에서 파이썬을 시작하는 중({why}): {total}MB 중 {received}MB…",
  "why-slow-link": "일반 시작: 이 연결에서는 내려받을 양이 적은 쪽이 빠릅니다",
  "why-save-data": "일반 시작: 브라우저가 데이터 절약을 요청해 내려받을 양을 줄입니다",
  "why-safari": "일반 시작: 이 브라우저는 미리 준비한 파이썬 메모리를 복원할 수 없습니다",
  "why-failed": "일반 시작: 미리 준비한 파이썬 메모리를 쓸 수 없었습니다",
  "why-off": "일반 시작: 주소에서 요청했습니다",
  queued: "다른 예제가 끝나기를 기다리는 중…",
  running: "실행 중… {t}",
  finished: "{t} 만에 끝났습니다",
  failed: "{t} 뒤 {error} 오류로 끝났습니다",
  stopped: "{t} 뒤 중지했습니다",
  crashed: "{t} 뒤 파이썬이 예기치 않게 멈췄습니다. 다음 실행에서 다시 시작합니다.",
  startFailed: "이 브라우저에서 파이썬을 시작하지 못했습니다: {error}",
  stdlibFailed: "파이썬 표준 라이브러리의 나머지를 가져오지 못했습니다",
  noOutput: "(출력 없음)",
  notRunYet: "이 코드는 아직 실행하지 않았습니다. 실행을 누르면 출력을 볼 수 있습니다.",
  cut: "… 나머지 {n}자는 표시하지 않습니다",
  hintThreads:
    "브라우저 안의 파이썬은 스레드를 시작할 수 없습니다. 웹 페이지는 파이썬에 스레드 하나만 줍니다. " +
    "대신 asyncio 태스크를 쓰거나, 이 예제를 여러분의 컴퓨터에서 CPython으로 실행해 보십시오.",
  hintJspi:
    "이 코드는 함수 안에서 이벤트 루프가 끝날 때까지 블로킹합니다(loop.run_until_complete, " +
    "loop.run_forever, asyncio.Runner.run 또는 asyncio.run). 브라우저 안의 파이썬은 WebAssembly " +
    "스택 전환(JSPI)을 지원하는 브라우저(Chrome·Edge 137 이상, Firefox 153 이상, iOS 제외)에서만 " +
    "이렇게 할 수 있습니다. 대신 프로그램의 최상위에서 루프를 실행하거나(그곳의 " +
    "asyncio.run(main())은 어디서나 동작합니다) await를 사용하십시오.",
  hintInput:
    "이 브라우저는 여러분이 입력할 때까지 파이썬을 멈춰 둘 수 없습니다(WebAssembly 스택 전환이 " +
    "없습니다. Chrome·Edge 137 이상, Firefox 153 이상에는 있습니다). 그래서 여기서는 input()과 " +
    "sys.stdin이 EOFError로 끝납니다. 값을 코드에 직접 넣으십시오.",
  hintProcesses:
    "브라우저 안의 파이썬은 페이지 안에서 실행되므로 다른 프로그램이나 프로세스를 시작할 수 " +
    "없습니다(subprocess, os.system, multiprocessing). 대신 asyncio 태스크를 사용하십시오.",
  hintNetwork:
    "브라우저 안의 파이썬은 네트워크 소켓을 열 수 없습니다(socket, asyncio.open_connection, " +
    "urllib). 웹 페이지는 웹 요청만 보낼 수 있습니다. 이 사이트의 예제는 asyncio.sleep으로 " +
    "네트워크를 흉내 냅니다.",
  hintDebug:
    "브라우저 안의 파이썬의 이벤트 루프에는 디버그 모드가 없습니다. 느린 콜백을 기록하지 않고, " +
    "코루틴이 만들어진 곳도 기억하지 않습니다. 이 예제는 CPython으로 실행하거나 debug=True를 " +
    "빼십시오.",
  hintMemory:
    "브라우저 안의 파이썬은 32비트 프로그램입니다. 메모리는 최대 4GB이고, 객체 하나는 2GB 이상이 " +
    "될 수 없으며, 브라우저가 그보다 적게 줄 수도 있습니다.",
  hintFiles:
    "프로그램이 파일을 썼습니다. 이 파일은 여러분의 디스크가 아니라 이 탭에서 실행 중인 파이썬의 " +
    "메모리에 있습니다. 다음 실행에서 읽을 수 있지만, 중지하거나 페이지를 떠나면 사라집니다.",
  hintStack:
    "프로그램이 브라우저의 스택이 허용하는 깊이보다 깊이 들어가서 파이썬이 멈췄습니다. " +
    "sys.setrecursionlimit()은 파이썬의 한도를 올릴 뿐 브라우저의 한도는 올리지 못합니다. " +
    "이렇게 깊은 재귀 대신 반복문을 사용하십시오.",
  hintExit:
    "os._exit()는 파이썬 자체를 끝내므로, 다음 실행에서 파이썬을 다시 시작합니다. 프로그램을 " +
    "끝낼 때는 sys.exit()를 사용하십시오.",
  hintCrash: "브라우저가 알린 원인: {detail}",
  hintStdlib:
    "이 프로그램은 브라우저 안의 파이썬이 아직 가져오지 않은 모듈을 임포트하는데, 가져오지 " +
    "못했습니다({detail}). 네트워크가 돌아오면 실행을 다시 누르십시오.",
  hintOffline:
    "오프라인 상태인데 아직 이 브라우저에 파이썬을 보관하지 않았습니다. 네트워크에 연결된 상태에서 " +
    "처음 실행을 누를 때 보관합니다.",
  inputLabel: "프로그램이 입력을 기다립니다. 한 줄을 입력하고 Enter를 누르십시오(Ctrl+D는 입력 끝).",
  edited: "이 예제를 편집했습니다. 편집한 코드는 이 브라우저에 저장됩니다.",
  originalChanged: "편집한 뒤에 원래 예제가 바뀌었습니다. 되돌리기를 누르면 새 버전을 볼 수 있습니다.",
  storageOff:
    "이 브라우저에서는 편집한 코드를 저장할 수 없습니다. 이 탭을 닫거나 새로 고치기 전까지만 " +
    "유지됩니다.",
  loadedFromLink: "공유 링크에서 코드를 불러왔습니다. 코드를 읽어 본 뒤 실행을 누르십시오.",
  judgeFailed: "검사에 필요한 파일을 가져오지 못했습니다",
  hintJudge: "확인하려면 이 브라우저의 파이썬이 아직 가져오지 않은 파일이 필요합니다. 네트워크가 " +
    "돌아오면 확인을 다시 누르십시오.",
  resetDone: "원래 코드로 되돌렸습니다. 작성한 코드는 더 이상 저장되어 있지 않습니다.",
  undoReset: "되돌리기 취소",
  check: "확인",
  checking: "프로그램을 확인하는 중…",
  hint: "힌트",
  hintOf: "힌트 {total}개 중 {n}번째",
  showSolution: "풀이 보기",
  myCode: "내 코드로 돌아가기",
  passed: "통과했습니다.",
  passedEarlier: "통과",
  notYet: "아직입니다: {message}",
  stepThrough: "단계별로 보기",
  stepPrevious: "이전 단계",
  stepNext: "다음 단계",
  stepSlider: "단계",
  stepOf: "{total}단계 중 {n}단계, {time}초",
  stepControls: "이벤트 루프가 한 일을 단계별로 보기",
  stepCapped: "처음 {n}단계만 기록했습니다. 나머지 {more}단계는 보여 주지 않습니다.",
  stepTree: "이 단계 뒤의 await 트리",
  stepTreeRunning: "이 단계를 실행함",
  stepTreeWaits: "{what} 대기",
  stepTreeLine: "{line}행",
  stepStarted: "{task} 태스크가 시작했습니다",
  stepResumed: "{task} 태스크가 {what} 뒤에 재개했습니다",
  stepPrintedOne: "출력의 {lines}번째 줄을 인쇄했습니다",
  stepPrinted: "출력의 {lines}번째 줄을 인쇄했습니다",
  stepFinished: "태스크가 끝났습니다",
  stepCancelled: "태스크가 취소되었습니다",
  stepRaised: "{error} 예외를 일으켰습니다",
  stepWaitsAt: "이제 {line}행에서 {what}의 완료를 기다립니다",
  stepWaits: "이제 {what}의 완료를 기다립니다",
  stepSentence: "{parts}.",
  stepPartSeparator: ". ",
  stepLastSeparator: ". ",
  stepWaiting: "기다리는 태스크: {list}.",
  stepListSeparator: "; ",
  stepOnWhatAt: "{task}, {line}행에서 {what} 대기",
  stepOnWhat: "{task}, {what} 대기",
  stepNotStarted: "{task}, 만들어졌지만 아직 시작하지 않음",
  stepMore: "외 {n}개",
  stepNoneWaiting: "기다리는 다른 태스크는 없습니다.",
  offlineKept: "이 브라우저는 오프라인에서도 쓸 수 있도록 이 사이트를 약 {mb}MB 보관하고 있습니다.",
  offlineStarting: "이 브라우저가 오프라인에서 쓸 수 있도록 사이트를 보관하는 중입니다.",
  offlineNotYet:
    "아직 보관한 것이 없습니다. 두 번째 페이지를 열거나 예제를 실행하면 이 브라우저가 사이트를 " +
    "오프라인용으로 보관합니다.",
  offlineOff: "이 브라우저는 이 사이트를 보관하지 않습니다. 온라인에서만 동작합니다.",
  offlineSaveData:
    "브라우저가 데이터 절약을 요청하므로, 이 사이트는 요청하실 때까지 아무것도 오프라인용으로 " +
    "보관하지 않습니다.",
  offlineUnsupported: "이 브라우저는 여기에서 사이트를 오프라인용으로 보관할 수 없습니다.",
  offlineRemove: "오프라인 사본 지우기",
  offlineKeep: "이 사이트를 오프라인용으로 보관하기",
  offlineRemoved: "지웠습니다.",
  offlineKeeping: "사이트를 보관합니다.",
  seeTimeline: "위의 실행 타임라인에서 확인할 수 있습니다.",
  verdictError: "아직입니다: 프로그램이 확인 전에 {error}(으)로 멈췄습니다. 출력에서 위치를 " +
    "확인해 고친 다음 확인을 다시 누르십시오.",
  verdictBroken: "검사가 이 프로그램을 판정하지 못했습니다({message}). 시작 코드와 비교해 " +
    "보십시오. 연습 문제는 함수 이름이 그대로이기를 기대합니다.",
  verdictStopped: "끝나기 전에 중지했습니다. 확인할 것이 없습니다.",
  solutionShown: "풀이의 한 가지 예입니다. 직접 작성한 코드는 보관되어 있으며, 내 코드로 " +
    "돌아가기를 누르면 되돌아옵니다.",
  mineBack: "직접 작성한 코드를 편집기에 되돌렸습니다.",
  exercisesDone: "이 페이지의 연습 문제: {total}개 중 {done}개 완료",
  predictPrompt: "실행하기 전에: 이 줄들은 어떤 순서로 출력되겠습니까?",
  predictHow: "순서대로 놓은 다음 순서 확인을 누르십시오.",
  predictList: "순서를 정할 줄",
  moveUp: "“{line}” 위로 옮기기",
  moveDown: "“{line}” 아래로 옮기기",
  predictCheck: "순서 확인",
  predictRight: "맞았습니다. 이 순서로 출력됩니다. 아래의 출력과 타임라인이 그 이유를 보여 줍니다.",
  predictWrong: "아직입니다: {total}줄 중 {n}줄이 제자리에 있습니다. ✓와 ✗ 표시가 어느 줄인지 " +
    "보여 주고, 아래의 출력과 타임라인이 실제 순서를 보여 줍니다.",
};
