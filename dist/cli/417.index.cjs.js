"use strict";
exports.id = 417;
exports.ids = [417];
exports.modules = {

/***/ 19417:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BASE_URL_KEY_ENVS: () => (/* binding */ BASE_URL_KEY_ENVS),
/* harmony export */   hasConfigAt: () => (/* binding */ hasConfigAt),
/* harmony export */   withoutKeys: () => (/* binding */ withoutKeys),
/* harmony export */   zeroConfigCredential: () => (/* binding */ zeroConfigCredential)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73395);
/* harmony import */ var _changes_git_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1345);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76670);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(60577);






/** The variables a key for `--base-url` is read from, in order, when there is no config. */
const BASE_URL_KEY_ENVS = ['PROMPTGATE_API_KEY', 'OPENAI_API_KEY'];
const TOKEN_ENVS = ['GITHUB_TOKEN', 'GH_TOKEN'];
/** Is there a promptgate.yml (or .github/promptgate.yml) in the head commit? */
async function hasConfigAt(repoDir, ref) {
    const found = await Promise.all(_config_load_js__WEBPACK_IMPORTED_MODULE_1__/* .CONFIG_PATHS */ .iE.map((path) => (0,_changes_git_js__WEBPACK_IMPORTED_MODULE_2__.existsAt)(repoDir, ref, path)));
    return found.includes(true);
}
function withoutKeys(env) {
    const copy = { ...env };
    for (const name of [...BASE_URL_KEY_ENVS, ...TOKEN_ENVS])
        delete copy[name];
    return copy;
}
/**
 * The zero-config endpoint and credential (docs/contract.md: the CLI without a config is zero-config too). GitHub Models with
 * GITHUB_TOKEN, else GH_TOKEN, else the `gh` CLI's token; with `--base-url`, that endpoint with PROMPTGATE_API_KEY,
 * else OPENAI_API_KEY (a GitHub token is never sent to another host).
 */
async function zeroConfigCredential(baseUrl, env) {
    const lead = 'no promptgate.yml: zero-config mode (every changed .prompt.yml with testData is a suite)';
    if (baseUrl !== undefined) {
        const where = `${(0,_redact_js__WEBPACK_IMPORTED_MODULE_4__.safeUrl)(baseUrl)} (--base-url)`;
        const name = BASE_URL_KEY_ENVS.find((n) => env[n]);
        return {
            ...(name ? { apiKey: env[name] } : {}),
            banner: `${lead}; calling ${where} with the key in ${name ?? '(none found)'}`,
            missing: new _errors_js__WEBPACK_IMPORTED_MODULE_3__.PromptgateError(`no API key for ${where}: neither ${BASE_URL_KEY_ENVS.join(' nor ')} is set`, {
                hint: `export PROMPTGATE_API_KEY=… (any non-empty value for a local server that needs none); drop --base-url to use GitHub Models with GITHUB_TOKEN, GH_TOKEN or \`gh auth login\``,
            }),
        };
    }
    const where = `GitHub Models (${_common_js__WEBPACK_IMPORTED_MODULE_5__.GITHUB_MODELS_URL})`;
    const name = TOKEN_ENVS.find((n) => env[n]);
    const gh = name ? undefined : await ghAuthToken(env);
    const apiKey = name ? env[name] : gh?.token;
    const source = name ?? (gh?.token ? 'the gh CLI (gh auth token)' : '(no token found)');
    const ghState = gh === undefined ? '' : gh.installed ? ' (`gh auth token` has none)' : ' (the gh CLI is not installed)';
    return {
        ...(apiKey ? { apiKey } : {}),
        banner: `${lead}; calling ${where} with the token from ${source}`,
        missing: new _errors_js__WEBPACK_IMPORTED_MODULE_3__.PromptgateError(`no token for ${where}: GITHUB_TOKEN and GH_TOKEN are not set${ghState}`, {
            hint: 'set GITHUB_TOKEN or GH_TOKEN (a token with the models:read permission), or run `gh auth login`, or pass --base-url URL with PROMPTGATE_API_KEY (or OPENAI_API_KEY) for another OpenAI-compatible endpoint',
        }),
    };
}
/** `gh auth token`, when the gh CLI is installed and logged in; never fails (a missing gh is simply no token). */
function ghAuthToken(env) {
    return new Promise((resolveToken) => {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('gh', ['auth', 'token'], { env: { ...env, GH_PROMPT_DISABLED: '1' }, timeout: 15_000, windowsHide: true }, (err, stdout) => {
            const code = err?.code;
            if (code === 'ENOENT')
                return resolveToken({ installed: false });
            const token = err ? '' : String(stdout).trim();
            resolveToken(token && !/\s/.test(token) ? { installed: true, token } : { installed: true });
        });
    });
}


/***/ })

};
;