// Galley default theme: the only script. Folds the sidebar on narrow screens and opens
// collapsible sections. The site works without it.
document.addEventListener('DOMContentLoaded', () => {
  const sidebar = document.querySelector('.sidebar');
  const toggle = sidebar?.querySelector('.sidebar-toggle');
  if (sidebar && toggle) {
    sidebar.classList.add('is-collapsed');
    toggle.addEventListener('click', () => {
      const collapsed = sidebar.classList.toggle('is-collapsed');
      toggle.setAttribute('aria-expanded', String(!collapsed));
    });
  }
  for (const title of document.querySelectorAll('.collapsible-title')) {
    title.setAttribute('role', 'button');
    title.setAttribute('tabindex', '0');
    title.setAttribute('aria-expanded', 'false');
    const flip = () => {
      const open = title.closest('.collapsible').classList.toggle('is-open');
      title.setAttribute('aria-expanded', String(open));
    };
    title.addEventListener('click', flip);
    title.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        flip();
      }
    });
  }
});
