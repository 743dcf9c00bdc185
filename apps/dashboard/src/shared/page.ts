import { SignedOut, signIn, signOut, whoIsSignedIn, type Who } from './api.js';
import { byId, replaceContent } from './dom.js';

/**
 * Every page: find out who is signed in (GET /session); if nobody, show the sign-in form; else show the page and
 * render it. A session that ends while the page is open brings the form back.
 */
export async function startPage(render: (who: Who) => Promise<void>): Promise<void> {
  byId('sign-in-form').addEventListener('submit', (event) => void submitSignIn(event));
  byId('sign-out').addEventListener('click', () => void signOut().then(() => location.reload()));
  const who = await whoIsSignedIn();
  if (!who) return showSignIn();
  byId('account').hidden = false;
  replaceContent('account-name', `Signed in as ${who.name} (${who.role})`);
  byId('page').hidden = false;
  await guard(() => render(who));
}

/** Runs a piece of page work, turning a lost session into the sign-in form and any other failure into a message. */
export async function guard(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof SignedOut) return showSignIn();
    showError(error instanceof Error ? error.message : String(error));
  }
}

export function showError(message: string): void {
  replaceContent(
    'status',
    message ? Object.assign(document.createElement('p'), { className: 'nhsuk-error-message', textContent: `Error: ${message}` }) : '',
  );
}

export function announce(message: string): void {
  replaceContent('status', message ? Object.assign(document.createElement('p'), { className: 'nhsuk-u-visually-hidden', textContent: message }) : '');
}

function showSignIn(): void {
  byId('page').hidden = true;
  byId('account').hidden = true;
  byId('sign-in').hidden = false;
  byId('api-key').focus();
}

async function submitSignIn(event: Event): Promise<void> {
  event.preventDefault();
  const input = byId<HTMLInputElement>('api-key');
  if (await signIn(input.value.trim())) {
    location.reload();
    return;
  }
  const error = byId('sign-in-error');
  error.hidden = false;
  input.closest('.nhsuk-form-group')?.classList.add('nhsuk-form-group--error');
  input.classList.add('nhsuk-input--error');
  error.focus();
}
