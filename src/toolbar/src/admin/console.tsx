// The admin console: its shell (header, page list) and the page the address names. Each page is its own module.
import { usePath } from '../shared/router';
import './admin.css';
import { AppHeader } from '../shared/header';
import { ADMIN_PAGES } from './pages';

export default function AdminConsole() {
  const path = usePath();
  const slug = path.replace(/^\/admin\/?/, '').split('/')[0] || ADMIN_PAGES[0]!.slug;
  const page = ADMIN_PAGES.find((p) => p.slug === slug);
  return (
    <div class="workspace admin">
      <AppHeader title="CtiBridge admin" current="admin" />
      <div class="admin-body">
        <nav class="admin-nav" aria-label="Administration">
          <ul>
            {ADMIN_PAGES.map((p) => (
              <li key={p.slug}><a href={`/admin/${p.slug}`} aria-current={p.slug === slug ? 'page' : undefined}>{p.title}</a></li>
            ))}
          </ul>
        </nav>
        <main id="main" class="page" aria-labelledby="page-title">
          {page ? <page.component key={page.slug} /> : <h1 id="page-title">Page not found</h1>}
        </main>
      </div>
    </div>
  );
}
