import * as vscode from 'vscode';
import {
  DynamicFeature,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  StaticFeature,
  TransportKind,
} from 'vscode-languageclient/node';
import { blockAt, findBlocks } from './blocks';

// Palette commands the extension registers itself: it fills in their arguments and forwards them to
// the server's commands below as workspace/executeCommand.
const GENERATE_ALL = 'dpls.generateAll';
const GENERATE_FOR_BLOCK = 'dpls.generateForBlock';
const OWN_COMMANDS = new Set([GENERATE_ALL, GENERATE_FOR_BLOCK, 'dpls.restartServer']);
// The server's commands (its executeCommandProvider; code lenses call SERVER_GENERATE directly):
// dpls.generate takes [{ uri, service, target? | kind? }], dpls.generateWorkspace takes [{ uri? }].
const SERVER_GENERATE = 'dpls.generate';
const SERVER_GENERATE_WORKSPACE = 'dpls.generateWorkspace';

/**
 * vscode-languageclient registers every command the server lists in executeCommandProvider as a VS Code
 * command; for the ids this extension already owns that would fail with "command already exists".
 * Let the client register the server's other commands (used by code actions and code lenses) only.
 */
class DplsLanguageClient extends LanguageClient {
  override registerFeature(feature: StaticFeature | DynamicFeature<any>): void {
    if ('registrationType' in feature && feature.registrationType.method === ExecuteCommandRequest.method) {
      const register = feature.register.bind(feature);
      feature.register = (data) => {
        const commands: string[] = data.registerOptions?.commands ?? [];
        register({ ...data, registerOptions: { ...data.registerOptions, commands: commands.filter((c) => !OWN_COMMANDS.has(c)) } });
      };
    }
    super.registerFeature(feature);
  }
}

let client: DplsLanguageClient | undefined;
let output: vscode.OutputChannel;
let status: vscode.StatusBarItem;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('DPL Language Server');
  status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  status.name = 'DPL Language Server';
  status.command = 'dpls.restartServer';
  status.show();
  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand('dpls.restartServer', restart),
    vscode.commands.registerCommand(GENERATE_ALL, generateAll),
    vscode.commands.registerCommand(GENERATE_FOR_BLOCK, generateForBlock),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('dpls.server')) void restart();
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  await c?.dispose().catch(() => undefined);
}

function initializationOptions() {
  const cfg = vscode.workspace.getConfiguration('dpls');
  return {
    rules: { severity: cfg.get('rules.severity', {}), disabled: cfg.get<string[]>('rules.disabled', []) },
    generate: {
      targets: cfg.get<string[]>('generate.targets', []),
      outputDirectory: cfg.get<string>('generate.outputDirectory', 'generated'),
    },
  };
}

async function start(): Promise<void> {
  const cfg = vscode.workspace.getConfiguration('dpls');
  const command = cfg.get<string>('server.path', 'dpls') || 'dpls';
  // TransportKind.stdio makes the client append `--stdio` to the arguments.
  const serverOptions: ServerOptions = { command, args: cfg.get<string[]>('server.args', []), transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'dpl' },
      { scheme: 'untitled', language: 'dpl' },
    ],
    synchronize: {
      configurationSection: 'dpls',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.dpl'),
    },
    initializationOptions: initializationOptions(),
    outputChannel: output,
    traceOutputChannel: output, // the client reads dpls.trace.server itself (client id 'dpls')
  };
  const c = new DplsLanguageClient('dpls', 'DPL Language Server', serverOptions, clientOptions);
  client = c;
  c.onDidChangeState((e) => {
    if (client === c) showState(e.newState);
  });
  showState(State.Starting);
  try {
    await c.start();
  } catch (err) {
    showState(State.Stopped);
    const open = 'Open Settings';
    const message = `Could not start the DPL language server "${command}": ${err instanceof Error ? err.message : String(err)}`;
    void vscode.window.showErrorMessage(message, open).then((pick) => {
      if (pick === open) void vscode.commands.executeCommand('workbench.action.openSettings', 'dpls.server');
    });
  }
}

async function restart(): Promise<void> {
  const old = client;
  client = undefined;
  try {
    await old?.dispose(); // stops the server (shutdown + exit) and unregisters the features
  } catch (err) {
    output.appendLine(`stopping dpls: ${err instanceof Error ? err.message : String(err)}`);
  }
  await start();
}

function showState(state: State): void {
  const [icon, word] =
    state === State.Running ? ['$(check)', 'running'] : state === State.Starting ? ['$(sync~spin)', 'starting'] : ['$(error)', 'stopped'];
  status.text = `${icon} DPL`;
  status.tooltip = `DPL language server: ${word} (click to restart)`;
  status.backgroundColor = state === State.Stopped ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
}

async function execute(command: string, arg: object): Promise<void> {
  if (!client || !client.isRunning()) {
    void vscode.window.showErrorMessage('The DPL language server is not running.');
    return;
  }
  try {
    const result = await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [arg] });
    output.appendLine(`${command} ${JSON.stringify(arg)} -> ${JSON.stringify(result)}`);
  } catch (err) {
    void vscode.window.showErrorMessage(`${command} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function activeDplDocument(): vscode.TextDocument | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.languageId === 'dpl' ? doc : undefined;
}

async function generateAll(arg?: { uri?: string }): Promise<void> {
  const uri = arg?.uri ?? (activeDplDocument()?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri)?.toString();
  if (!uri) {
    void vscode.window.showErrorMessage('DPL: open a folder or a .dpl file first.');
    return;
  }
  await execute(SERVER_GENERATE_WORKSPACE, { uri });
}

/** Called from the palette (block under the cursor, or a pick) or with {uri, kind, name} from another extension. */
async function generateForBlock(arg?: { uri?: string; kind?: string; name?: string }): Promise<void> {
  if (arg?.uri && arg.kind && arg.name) {
    await execute(SERVER_GENERATE, { uri: arg.uri, service: arg.name, kind: arg.kind });
    return;
  }
  const editor = vscode.window.activeTextEditor;
  const doc = activeDplDocument();
  if (!editor || !doc) {
    void vscode.window.showErrorMessage('DPL: open a .dpl file first.');
    return;
  }
  const text = doc.getText();
  let block = blockAt(text, doc.offsetAt(editor.selection.active));
  if (!block) {
    const items = findBlocks(text).map((b) => ({ label: `${b.kind} ${b.name}`, block: b }));
    if (items.length === 0) {
      void vscode.window.showErrorMessage('DPL: this file has no blocks.');
      return;
    }
    block = (await vscode.window.showQuickPick(items, { placeHolder: 'Block to generate for' }))?.block;
    if (!block) return;
  }
  await execute(SERVER_GENERATE, { uri: doc.uri.toString(), service: block.name, kind: block.kind });
}
