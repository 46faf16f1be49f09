// Galley default theme: the only script. Folds the sidebar on narrow screens, folds and opens
// sidebar entries with children, scrolls the current page into view in the sidebar, and opens
// collapsible sections. The site works without it (everything is shown unfolded).
document.addEventListener('DOMContentLoaded', () => {
  const sidebar = document.querySelector('.sidebar');
  const toggle = sidebar?.querySelector('.sidebar-toggle');
  for (const button of sidebar?.querySelectorAll('.nav-expand') ?? []) {
    button.addEventListener('click', () => {
      const open = button.parentElement.classList.toggle('is-open');
      button.setAttribute('aria-expanded', String(open));
    });
  }
  const current = sidebar?.querySelector('[aria-current="page"]');
  if (sidebar && current && sidebar.scrollHeight > sidebar.clientHeight) {
    // Scroll the sidebar only (scrollIntoView would move the page too).
    const offset = current.getBoundingClientRect().top - sidebar.getBoundingClientRect().top;
    sidebar.scrollTop += offset - sidebar.clientHeight / 3;
  }
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
