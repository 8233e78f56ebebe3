"""Independent reference values for test/stats/intervals.test.ts.

Pure Python 3 (no numpy/scipy): the Student-t CDF is integrated numerically from its density (composite Simpson,
substituting x = tan(theta) so the infinite tail becomes a finite interval), the quantile is found by bisection
on that CDF. Nothing here shares code with src/stats. Run: python3 test/stats/reference_values.py
"""
import math

def t_pdf(x, df):
    c = math.exp(math.lgamma((df + 1) / 2) - math.lgamma(df / 2)) / math.sqrt(df * math.pi)
    return c * (1 + x * x / df) ** (-(df + 1) / 2)

def t_cdf(x, df, steps=20000):
    # P(T <= x) = 1/2 + integral_0^x pdf;  substitute u = atan(t) to keep the step size sane for large |x|.
    a, b = 0.0, math.atan(x)
    h = (b - a) / steps
    f = lambda u: t_pdf(math.tan(u), df) / math.cos(u) ** 2
    s = f(a) + f(b)
    for i in range(1, steps):
        s += (4 if i % 2 else 2) * f(a + i * h)
    return 0.5 + s * h / 3

def t_quantile(p, df):
    lo, hi = -50.0, 50.0
    for _ in range(100):
        mid = (lo + hi) / 2
        if t_cdf(mid, df, 4000) < p: lo = mid
        else: hi = mid
    return (lo + hi) / 2

def normal_quantile(p):
    lo, hi = -10.0, 10.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if 0.5 * (1 + math.erf(mid / math.sqrt(2))) < p: lo = mid
        else: hi = mid
    return (lo + hi) / 2

def augmented(values, pseudo, conf, rng):
    n = len(values)
    total = n + sum(w for _, w in pseudo)
    center = (sum(values) + sum(v * w for v, w in pseudo)) / total
    ss = sum((v - center) ** 2 for v in values) + sum(w * (v - center) ** 2 for v, w in pseudo)
    se = math.sqrt(ss / (total - 1) / total)
    t = t_quantile(1 - (1 - conf) / 2, n - 1)
    return center, se, (max(rng[0], center - t * se), min(rng[1], center + t * se))

def paired(pairs, conf=0.95):
    d = [sum(c) / len(c) - sum(b) / len(b) for b, c in pairs]
    k = sum(len(b) + len(c) for b, c in pairs) / (2 * len(pairs))
    w = 1 / (2 * k)
    center, se, ci = augmented(d, [(1, w), (-1, w)], conf, (-1, 1))
    p = 2 * t_cdf(-abs(center / se), len(d) - 1)
    return dict(estimate=sum(d) / len(d), center=center, se=se, lo=ci[0], hi=ci[1], p=p)

def proportion(cases, conf=0.95):
    x = [sum(c) / len(c) for c in cases]
    k = sum(len(c) for c in cases) / len(cases)
    z = normal_quantile(1 - (1 - conf) / 2)
    w = z * z / (2 * k)
    center, se, ci = augmented(x, [(1, w), (0, w)], conf, (0, 1))
    return dict(estimate=sum(x) / len(x), center=center, se=se, lo=ci[0], hi=ci[1])

if __name__ == '__main__':
    print('t(0.975, 19) =', round(t_quantile(0.975, 19), 6), '(table: 2.093024)')
    print('t(0.975, 9)  =', round(t_quantile(0.975, 9), 6), '(table: 2.262157)')
    A = list(zip([[1],[1],[0],[1],[1],[0],[1],[1],[1],[0]], [[1],[0],[0],[1],[1],[1],[1],[0],[1],[0]]))
    print('A', paired(A))
    B = [([1,1,1],[1,1,0]), ([1,0,0],[1,1,0]), ([0,0,0],[0,0,0]), ([1,1,1],[1,1,1]), ([1,1,0],[0,0,0]), ([0,0,0],[1,1,1])]
    print('B', paired(B))
    C = [([1],[1])] * 20
    print('C', paired(C))
    D = [([0.2,0.4],[0.5,0.7]), ([0.9,1.0],[0.8,1.0]), ([0.0,0.1],[0.3,0.3]), ([0.6,0.6],[0.6,0.9]), ([0.5,0.3],[0.4,0.2])]
    print('D', paired(D))
    E = [[1,1],[1,0],[1,1],[0,0],[1,1],[1,1],[0,1],[1,1]]
    print('E', proportion(E))
    F = [[1]] * 20
    print('F', proportion(F))

def holm(ps):
    order = sorted(range(len(ps)), key=lambda i: ps[i])
    out, running = [0] * len(ps), 0
    for rank, i in enumerate(order):
        running = max(running, min(1, (len(ps) - rank) * ps[i]))
        out[i] = running
    return out

def p_worse(r, threshold, df):
    # one-sided: how likely an estimate this low is when the true delta sits on the threshold
    return t_cdf((r['center'] - threshold) / r['se'], df)

if __name__ == '__main__':
    # test/gate/holdout.test.ts and test/stats/measure-suite.test.ts: 12 ordinary cases and 10 holdout cases, × 3.
    REST = [([1,1,1],[1,1,1])] * 8 + [([1,1,0],[1,1,1]), ([1,0,0],[1,1,0]), ([0,0,0],[0,0,0]), ([1,1,1],[1,1,0])]
    HOLD = [([1,1,1],[0,0,0])] * 6 + [([1,1,0],[0,0,0]), ([1,1,1],[1,0,0]), ([1,1,1],[1,1,1]), ([1,0,1],[1,1,1])]
    rest, hold = paired(REST), paired(HOLD)
    print('REST', rest)
    print('HOLD', hold)
    print('REST rates', sum(sum(b)/3 for b, _ in REST) / len(REST), sum(sum(c)/3 for _, c in REST) / len(REST))
    print('HOLD rates', sum(sum(b)/3 for b, _ in HOLD) / len(HOLD), sum(sum(c)/3 for _, c in HOLD) / len(HOLD))
    pr, ph = p_worse(rest, 0, len(REST) - 1), p_worse(hold, 0, len(HOLD) - 1)
    print('p_worse rest', pr, 'holdout', ph, 'holm', holm([pr, ph]))
