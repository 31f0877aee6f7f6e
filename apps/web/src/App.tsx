import { Component, lazy, type ReactNode, Suspense, useEffect, useRef } from "react"
import type { MeWire } from "./api/wire.js"
import { SessionProvider, useSession } from "./auth/Session.js"
import { SignIn } from "./auth/SignIn.js"
import { AssessmentForm } from "./form/AssessmentForm.js"
import type { Lang } from "./i18n/dictionary.js"
import { I18nProvider, LanguageToggle, useI18n } from "./i18n/I18n.js"
import { ClusterList } from "./ui/ClusterList.js"
import { navigate, type Route, useRoute } from "./ui/route.js"

// Results, cluster pages and analyses carry ECharts and the assessment engine: loaded on first visit.
const ResultsPage = lazy(() => import("./results/ResultsPage.js"))
const ClusterPage = lazy(() => import("./results/ClusterPage.js"))
const AnalysesPage = lazy(() => import("./analyses/AnalysesPage.js"))
const MapPage = lazy(() => import("./map/MapPage.js"))
const ProjectsPage = lazy(() => import("./projects/ProjectsPage.js"))
const ProjectPage = lazy(() => import("./projects/ProjectPage.js"))
const SupervisionPage = lazy(() => import("./projects/SupervisionPage.js"))
const Paper8Page = lazy(() => import("./results/judgements/Paper8Page.js"))
const TargetsPage = lazy(() => import("./results/judgements/TargetsPage.js"))

type NavPage = "submit" | "results" | "p8" | "targets" | "projects" | "supervision" | "analyses" | "map" | "register"

/** The pages each role sees in the navigation. */
export const pagesFor = (me: MeWire | null | undefined): ReadonlyArray<NavPage> =>
  !me
    ? ["results"]
    : me.role === "submitter"
      ? ["submit", "projects", "results"]
      : me.role === "admin"
        ? ["results", "p8", "targets", "submit", "projects", "supervision", "analyses", "map", "register"]
        : ["results", "p8", "targets", "projects", "supervision", "analyses", "map", "register"]

function Nav({ route }: { readonly route: Route }) {
  const { t } = useI18n()
  const { me, signOut } = useSession()
  const label: Record<NavPage, string> = {
    submit: t.navSubmit,
    results: t.navResults,
    p8: t.navPaper8,
    targets: t.navTargets,
    projects: t.navProjects,
    supervision: t.navSupervision,
    analyses: t.navAnalyses,
    map: t.navMap,
    register: t.navRegister,
  }
  return (
    <header className="top">
      <a className="skip" href="#main">
        {t.skipToContent}
      </a>
      <span className="brand">
        {t.appName} <small>{t.tagline}</small>
      </span>
      <nav aria-label={t.nav}>
        <ul>
          {pagesFor(me).map((p) => (
            <li key={p}>
              <a
                href={`#/${p}`}
                aria-current={
                  route.page === p || (p === "results" && route.page === "cluster") || (p === "projects" && route.page === "project") ? "page" : undefined
                }
              >
                {label[p]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="who">
        <LanguageToggle />
        {me ? (
          <>
            <span className="muted">{t.signedInAs(me.name, t.role[me.role] ?? me.role)}</span>
            <button type="button" onClick={() => signOut().then(() => navigate("login"))}>
              {t.signOut}
            </button>
          </>
        ) : me === null ? (
          <a href="#/login">{t.signIn}</a>
        ) : null}
      </div>
    </header>
  )
}

function Page({ route }: { readonly route: Route }) {
  const { t } = useI18n()
  const { me } = useSession()
  if (me === undefined) return <p aria-busy="true">{t.loading}</p>
  const home = me ? (me.role === "submitter" ? "submit" : "results") : "login"
  const page = route.page || home
  const guard = (ok: boolean, el: ReactNode) => (ok ? el : me ? <p role="alert">{t.notAllowed}</p> : <SignIn onDone={() => navigate(route.page || "")} />)
  const period = route.query.get("period") ?? undefined
  switch (page) {
    case "login":
      return me ? <Redirect to={home} /> : <SignIn onDone={() => navigate("")} />
    case "submit":
      return guard(
        !!me && me.role !== "viewer",
        <AssessmentForm
          key={`${route.arg ?? ""}|${period ?? ""}`}
          {...(route.arg ? { initialCluster: route.arg } : {})}
          {...(period ? { initialPeriod: period } : {})}
        />,
      )
    case "results":
      return <ResultsPage {...(period ? { period } : {})} {...(route.query.get("kind") ? { kind: route.query.get("kind")! } : {})} />
    case "cluster":
      return (
        <ClusterPage
          clusterId={route.arg ?? ""}
          period={period ?? String(new Date().getFullYear() - 1)}
          {...(route.query.get("scheme") ? { scheme: route.query.get("scheme")! } : {})}
        />
      )
    case "analyses":
      return guard(!!me, <AnalysesPage />)
    case "map":
      return guard(!!me, <MapPage />)
    case "projects":
      return guard(!!me, <ProjectsPage {...(route.query.get("cluster") ? { initialCluster: route.query.get("cluster")! } : {})} />)
    case "project":
      return guard(!!me, <ProjectPage projectId={route.arg ?? ""} />)
    case "supervision":
      return guard(!!me && me.role !== "submitter", <SupervisionPage {...(route.query.get("week") ? { initialWeek: route.query.get("week")! } : {})} />)
    case "register":
      return guard(!!me, <ClusterList />)
    // 篇8's land quota, candidates and targets are for admins and viewers; promotion and decisions follow the zones read.
    case "p8":
      return guard(!!me && me.role !== "submitter", <Paper8Page {...(period ? { period } : {})} />)
    case "targets":
      return guard(!!me && me.role !== "submitter", <TargetsPage {...(period ? { period } : {})} />)
    default:
      return <Redirect to={home} />
  }
}

function Redirect({ to }: { readonly to: string }) {
  useEffect(() => navigate(to), [to])
  return null
}

/** Keeps a failing page from blanking the whole app; the next navigation (a new key) starts afresh. */
class PageBoundary extends Component<{ readonly children: ReactNode; readonly message: (e: string) => string }, { error: string | null }> {
  override state = { error: null as string | null }
  static getDerivedStateFromError(e: unknown) {
    return { error: e instanceof Error ? e.message : String(e) }
  }
  override render() {
    return this.state.error ? <p role="alert">{this.props.message(this.state.error)}</p> : this.props.children
  }
}

function Shell() {
  const { t } = useI18n()
  const route = useRoute()
  const main = useRef<HTMLElement | null>(null)
  // Move focus to the new page's content so keyboard and screen-reader users follow navigation.
  const key = `${route.page}/${route.arg ?? ""}`
  const titles: Record<string, string> = {
    login: t.signIn,
    submit: t.navSubmit,
    results: t.navResults,
    cluster: t.clusterTitle,
    analyses: t.navAnalyses,
    map: t.navMap,
    register: t.navRegister,
    projects: t.navProjects,
    project: t.projectTitle,
    supervision: t.navSupervision,
    p8: t.navPaper8,
    targets: t.navTargets,
  }
  useEffect(() => {
    document.title = `${titles[route.page] ? `${titles[route.page]} · ` : ""}${t.appName} · ${t.tagline}`
  })
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    main.current?.focus()
  }, [key])
  return (
    <>
      <Nav route={route} />
      <main id="main" ref={main} tabIndex={-1}>
        <PageBoundary key={key} message={t.loadFailed}>
          <Suspense fallback={<p aria-busy="true">{t.chartsLoading}</p>}>
            <Page route={route} />
          </Suspense>
        </PageBoundary>
      </main>
    </>
  )
}

/**
 * The web app: sign-in, role-aware navigation, the assessment form, results and analyses, in zh-CN or English.
 * @example createRoot(el).render(<App />)
 */
export function App({ fetcher, lang }: { readonly fetcher?: typeof fetch; readonly lang?: Lang }) {
  return (
    <I18nProvider {...(lang ? { lang } : {})}>
      <SessionProvider {...(fetcher ? { fetcher } : {})}>
        <Shell />
      </SessionProvider>
    </I18nProvider>
  )
}
