"use strict";
exports.id = 397;
exports.ids = [397];
exports.modules = {

/***/ 60397:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   validateRepo: () => (/* binding */ validateRepo)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(14006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_7___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_7__);
/* harmony import */ var _changes_git_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1345);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(73395);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);
/* harmony import */ var _plan_requests_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(93957);
/* harmony import */ var _plan_suites_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(48950);








/**
 * `promptgate validate`: everything a review would check before its first model call — config, prompt files,
 * eval sets, template variables, assertions — on the working tree, with no model call and no API key.
 * Every prompt the config matches is planned as if it had changed, so every case is rendered.
 */
async function validateRepo(args) {
    const repoDir = (await (0,_changes_git_js__WEBPACK_IMPORTED_MODULE_2__.git)(args.repoDir, ['rev-parse', '--show-toplevel'])).trim();
    const files = (await (0,_changes_git_js__WEBPACK_IMPORTED_MODULE_2__.git)(repoDir, ['ls-files', '-z', '--cached', '--others', '--exclude-standard'])).split('\0').filter(Boolean);
    const read = async (path) => {
        try {
            return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(repoDir, path), 'utf8');
        }
        catch {
            return null;
        }
    };
    const { config, configFile } = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_3__/* .findConfig */ .u0)(read, args.configPath);
    if (args.configPath && !config)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__.PromptgateError('config file not found', { file: args.configPath, hint: 'check the --config path: it is relative to the repository root' });
    const matchesAny = config
        ? picomatch__WEBPACK_IMPORTED_MODULE_7___default()(config.suites.map((s) => s.prompt), { dot: true })
        : (p) => /\.prompt\.ya?ml$/i.test(p);
    const changed = files.filter((p) => matchesAny(p)).map((path) => ({ path, status: 'modified' }));
    const side = { sha: 'working tree', config, configFile, files, read };
    const planned = await (0,_plan_suites_js__WEBPACK_IMPORTED_MODULE_6__/* .planSuites */ .D)({
        base: side,
        head: side,
        trusted: 'head',
        changed,
        // `${VAR}` is resolved from the environment exactly as `run` resolves it, so what validates also runs.
        settings: { env: args.env, configFile, overrides: {}, zeroConfig: config ? undefined : { baseUrl: 'https://models.github.ai/inference', model: 'openai/gpt-4o-mini' } },
    });
    const lines = [configFile ? `config ${configFile}: ok` : 'no promptgate.yml: zero-config mode (GitHub Models .prompt.yml files with testData)'];
    if (config) {
        for (const suite of config.suites) {
            if (!planned.some((p) => p.name === suite.name || p.name.startsWith(`${suite.name} (`))) {
                lines.push(`warning: suite "${suite.name}": no file matches prompt "${suite.prompt}"`);
            }
        }
    }
    let samples = 0;
    for (const s of planned) {
        const requests = (0,_plan_requests_js__WEBPACK_IMPORTED_MODULE_5__/* .planRequests */ ._8)(s, (v) => ({ baseURL: v.settings.baseURL, apiKey: 'validate', model: v.settings.model, params: v.settings.params }));
        const perVariant = s.cases.length * s.repeats;
        samples += requests.length / 2;
        lines.push(`suite "${s.name}": ${s.prompt} (${s.candidate?.doc.format ?? '?'}, model ${s.candidate?.settings.model ?? '?'}), ` +
            `${s.cases.length} cases × ${s.repeats} repeats = ${perVariant} samples per variant, ${s.assert.length} shared assertion(s): ok`);
    }
    lines.push(`${planned.length} suite(s) valid; a review of all of them would make ${samples * 2} model calls.`);
    return { lines };
}


/***/ })

};
;